/**
 * OpenAI: ChatGPT's models over Chat Completions.
 * @module
 */
export { createOpenAI, openai, type OpenAIProvider, type OpenAIProviderSettings } from './openai-provider.js';
export { OpenAIChatLanguageModel, type OpenAIChatModelId } from './openai-chat-model.js';
export type { OpenAIChatOptions } from './openai-chat-options.js';
export type { OpenAIConfig } from './openai-config.js';
