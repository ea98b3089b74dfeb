import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { isRecord } from '../../src/http/index.js';
import type { MidjourneyApi } from './midjourney-config.js';
import type { MidjourneyParameters } from './midjourney-prompt.js';

/** Blend output shapes: 2:3, 1:1 and 3:2. */
export type MidjourneyBlendDimensions = 'PORTRAIT' | 'SQUARE' | 'LANDSCAPE';

/** `providerOptions.midjourney` for image calls. */
export interface MidjourneyImageOptions {
  /**
   * Cut the 2×2 grid into four PNGs (see docs/midjourney.md for where this runs). Default: cut when `n > 1`
   * (falling back to the whole grid, with a warning, where the runtime cannot); `true` always cuts, `false` never.
   */
  split?: boolean;
  /** Raw parameters appended to the prompt: `'--stylize 250 --tile'` or `{ stylize: 250, tile: true }`. */
  parameters?: MidjourneyParameters;
  /** Blend the call's 2-5 `images` (`/submit/blend`) instead of imagining a prompt. */
  blend?: boolean;
  /** Blend shape; default from `aspectRatio`, else `SQUARE`. */
  dimensions?: MidjourneyBlendDimensions;
  /** Endpoint style for actions, overriding the provider's `api` setting. */
  api?: MidjourneyApi;
  /** A webhook URL the proxy POSTs task updates to; aigc still polls. */
  notifyHook?: string;
  /** An opaque string the proxy stores on the task and echoes back. */
  state?: string;
  /** Fixed poll interval in ms for this call. */
  pollIntervalMs?: number;
}

const CHECKS: Record<keyof MidjourneyImageOptions, (value: unknown) => boolean> = {
  split: (value) => typeof value === 'boolean',
  parameters: (value) =>
    typeof value === 'string' ||
    (isRecord(value) && Object.values(value).every((item) => item == null || ['string', 'number', 'boolean'].includes(typeof item))),
  blend: (value) => typeof value === 'boolean',
  dimensions: (value) => value === 'PORTRAIT' || value === 'SQUARE' || value === 'LANDSCAPE',
  api: (value) => value === 'auto' || value === 'open-source' || value === 'plus',
  notifyHook: (value) => typeof value === 'string' && /^https?:\/\//i.test(value),
  state: (value) => typeof value === 'string',
  pollIntervalMs: (value) => typeof value === 'number' && Number.isFinite(value) && value > 0,
};

const EXPECTED: Record<keyof MidjourneyImageOptions, string> = {
  split: 'a boolean',
  parameters: 'a string of --parameters or an object of parameter names to strings, numbers or booleans',
  blend: 'a boolean',
  dimensions: "'PORTRAIT', 'SQUARE' or 'LANDSCAPE'",
  api: "'auto', 'open-source' or 'plus'",
  notifyHook: 'an http(s) URL',
  state: 'a string',
  pollIntervalMs: 'a positive number of milliseconds',
};

/** Validates `providerOptions.midjourney`; unknown keys are rejected so typos do not pass silently. */
export function parseMidjourneyImageOptions(value: unknown): MidjourneyImageOptions {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new InvalidArgumentError({ argument: 'providerOptions.midjourney', message: 'must be an object' });
  for (const [name, item] of Object.entries(value)) {
    const check = CHECKS[name as keyof MidjourneyImageOptions];
    if (!check) {
      throw new InvalidArgumentError({
        argument: `providerOptions.midjourney.${name}`,
        message: `is not a Midjourney option; known options: ${Object.keys(CHECKS).join(', ')}`,
      });
    }
    if (item !== undefined && !check(item)) {
      throw new InvalidArgumentError({ argument: `providerOptions.midjourney.${name}`, message: `must be ${EXPECTED[name as keyof MidjourneyImageOptions]}`, value: item });
    }
  }
  return value as MidjourneyImageOptions;
}
