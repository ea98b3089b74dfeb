import { describe, expectTypeOf, it } from 'vitest';
import type { ImageModel, LanguageModel, Provider, SpeechModel, TranscriptionModel } from '../../../src/provider/index.js';
import { azure, createAzure, type AzureChatMetadata, type AzureProvider } from '../../../providers/azure/index.js';

describe('aigc/azure types', () => {
  it('is a callable Provider with one method per modality, taking deployment names', () => {
    expectTypeOf(azure).toEqualTypeOf<AzureProvider>();
    expectTypeOf(createAzure({ resourceName: 'r', apiVersion: '2024-10-21', getToken: async () => 't' })).toMatchTypeOf<Provider>();
    expectTypeOf(azure('my-deployment')).toEqualTypeOf<LanguageModel>();
    expectTypeOf(azure.image('dall-e-3')).toEqualTypeOf<ImageModel>();
    expectTypeOf(azure.speech('tts')).toEqualTypeOf<SpeechModel>();
    expectTypeOf(azure.transcription('whisper')).toEqualTypeOf<TranscriptionModel>();
  });

  it('types the content-filter metadata and the token callback', () => {
    expectTypeOf<AzureChatMetadata['filteredCategories']>().toEqualTypeOf<string[] | undefined>();
    // @ts-expect-error getToken returns the token, not an object
    createAzure({ getToken: () => ({ token: 't' }) });
  });
});
