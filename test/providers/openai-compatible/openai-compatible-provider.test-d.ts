import { describe, expectTypeOf, it } from 'vitest';
import type { ImageModel, LanguageModel, Provider } from '../../../src/provider/index.js';
import {
  createOpenAICompatible,
  deepseek,
  ollama,
  type DeepSeekChatModelId,
  type OpenAICompatibleProvider,
} from '../../../providers/openai-compatible/index.js';

describe('aigc/openai-compatible types', () => {
  it('is a callable Provider; presets carry their model ids', () => {
    expectTypeOf(createOpenAICompatible({ name: 'vllm', baseURL: 'http://localhost:8000/v1' })).toEqualTypeOf<OpenAICompatibleProvider>();
    expectTypeOf(deepseek).toEqualTypeOf<OpenAICompatibleProvider<DeepSeekChatModelId>>();
    expectTypeOf(deepseek).toMatchTypeOf<Provider>();
    expectTypeOf(deepseek('deepseek-reasoner')).toEqualTypeOf<LanguageModel>();
    expectTypeOf(deepseek('any-future-model')).toEqualTypeOf<LanguageModel>();
    expectTypeOf(ollama.image('x/z-image-turbo')).toEqualTypeOf<ImageModel>();
  });

  it('requires name and baseURL', () => {
    // @ts-expect-error baseURL is required
    createOpenAICompatible({ name: 'vllm' });
    // @ts-expect-error maxTokensField is one of two field names
    createOpenAICompatible({ name: 'vllm', baseURL: 'http://localhost:8000/v1', maxTokensField: 'max_output_tokens' });
  });
});
