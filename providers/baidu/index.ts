/**
 * Baidu: 文心一言 ERNIE chat (Qianfan v2 and v1), 文心一格 ERNIE-ViLG and
 * Qianfan images, speech synthesis (TTS) and short speech recognition (ASR).
 * @module
 */
export { baidu, createBaidu, type BaiduProvider, type BaiduProviderSettings } from './baidu-provider.js';
export { BaiduChatLanguageModel, type BaiduChatModelId, type BaiduChatSettings } from './baidu-chat-model.js';
export type { BaiduChatV1Options } from './baidu-chat-v1-options.js';
export type { BaiduQianfanImageOptions, BaiduVilgOptions } from './baidu-image-options.js';
export { BaiduQianfanImageModel, type BaiduImageModelId } from './baidu-qianfan-image-model.js';
export { BaiduSpeechModel, type BaiduSpeechModelId } from './baidu-speech-model.js';
export type { BaiduSpeechOptions, BaiduTranscriptionOptions } from './baidu-speech-options.js';
export { BaiduVilgImageModel, type BaiduVilgSettings } from './baidu-vilg-image-model.js';
export { BaiduTranscriptionModel, type BaiduTranscriptionModelId } from './baidu-transcription-model.js';
