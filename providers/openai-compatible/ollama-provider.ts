import type { OpenAICompatibleProvider } from './openai-compatible-provider.js';
import { createOpenAICompatiblePreset, type OpenAICompatiblePreset, type OpenAICompatiblePresetSettings } from './openai-compatible-preset.js';

/**
 * A local Ollama server's OpenAI-compatible endpoint. No key: Ollama ignores
 * it locally (pass `apiKey` for ollama.com's hosted API). Ollama accepts
 * `response_format` with a JSON Schema, and recent versions serve
 * `/images/generations` and `/audio/*` for models that do images or audio.
 */
export const OLLAMA_PRESET: OpenAICompatiblePreset = {
  name: 'ollama',
  displayName: 'Ollama',
  baseURL: 'http://localhost:11434/v1',
  maxTokensField: 'max_tokens',
  structuredOutputs: true,
  streamUsage: true,
  modalities: { image: true, speech: true, transcription: true },
};

/**
 * Creates an Ollama provider (default `http://localhost:11434/v1`).
 *
 * @example
 * const ollama = createOllama({ baseURL: 'http://gpu-box:11434/v1' });
 * const { text } = await generateText({ model: ollama('qwen3:8b'), prompt: '你好' });
 */
export function createOllama(settings: OpenAICompatiblePresetSettings = {}): OpenAICompatibleProvider {
  return createOpenAICompatiblePreset(OLLAMA_PRESET, settings);
}

/**
 * The default Ollama provider, on localhost with no key.
 *
 * @example
 * const { text } = await generateText({ model: ollama('qwen3:8b'), prompt: '你好' });
 */
export const ollama: OpenAICompatibleProvider = /* @__PURE__ */ createOllama();
