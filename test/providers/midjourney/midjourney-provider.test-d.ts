import { describe, expectTypeOf, it } from 'vitest';
import type { ImageModel, Provider } from '../../../src/provider/index.js';
import {
  createMidjourney,
  midjourney,
  type MidjourneyDescribeResult,
  type MidjourneyImageOptions,
  type MidjourneyProvider,
} from '../../../providers/midjourney/index.js';

describe('aigc/midjourney types', () => {
  it('is a callable Provider whose calls and image() return image models', () => {
    expectTypeOf(midjourney).toEqualTypeOf<MidjourneyProvider>();
    expectTypeOf(createMidjourney({ baseURL: 'http://localhost:8080/mj', api: 'plus', pollIntervalMs: 2000 })).toMatchTypeOf<Provider>();
    expectTypeOf(midjourney('v7')).toEqualTypeOf<ImageModel>();
    expectTypeOf(midjourney.image('niji-6')).toEqualTypeOf<ImageModel>();
    expectTypeOf(midjourney.describe({ image: new Uint8Array() })).resolves.toEqualTypeOf<MidjourneyDescribeResult>();
  });

  it('types providerOptions.midjourney', () => {
    expectTypeOf<{ split: true; parameters: { stylize: 250; tile: true }; api: 'open-source' }>().toMatchTypeOf<MidjourneyImageOptions>();
    expectTypeOf<{ dimensions: 'WIDE' }>().not.toMatchTypeOf<MidjourneyImageOptions>();
    // @ts-expect-error `api` is one of three endpoint styles
    createMidjourney({ api: 'discord' });
  });
});
