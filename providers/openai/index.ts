/**
 * OpenAI: ChatGPT's models over Chat Completions, images (GPT-image, DALL·E), speech (TTS) and transcription (Whisper).
 * @module
 */
export { createOpenAI, openai, type OpenAIProvider, type OpenAIProviderSettings } from './openai-provider.js';
export { OpenAIChatLanguageModel, type OpenAIChatModelId } from './openai-chat-model.js';
export type { OpenAIChatOptions } from './openai-chat-options.js';
export type { OpenAIConfig, OpenAIMetadataExtractor } from './openai-config.js';
export { OpenAIImageModel, type OpenAIImageModelId } from './openai-image-model.js';
export type { OpenAIImageOptions } from './openai-image-options.js';
export { OpenAISpeechModel, type OpenAISpeechModelId, type OpenAISpeechVoice } from './openai-speech-model.js';
export { OpenAITranscriptionModel, type OpenAITranscriptionModelId } from './openai-transcription-model.js';
export type { OpenAITranscriptionOptions } from './openai-transcription-options.js';
export type { OpenAIMediaModelSettings } from './openai-media-model-settings.js';
