export type { ImageInput, ImageJobAction, ImageModel, ImageModelCallOptions, ImageModelOutput, ImageModelResult, JobProgressEvent } from './image-model.js';
export type {
  LanguageModel,
  LanguageModelCallOptions,
  LanguageModelContent,
  LanguageModelResponseFormat,
  LanguageModelResult,
  LanguageModelStreamPart,
  LanguageModelStreamResult,
} from './language-model.js';
export type {
  FilePart,
  JSONSchema,
  LanguageModelFunctionTool,
  LanguageModelMessage,
  LanguageModelToolChoice,
  ReasoningPart,
  TextPart,
  ToolCallPart,
  ToolResultPart,
} from './language-model-prompt.js';
export type { Provider } from './provider.js';
export type { CallOptionsBase, ModelBase, ProviderMetadata, ProviderOptions, ResponseMetadata, Warning } from './shared.js';
export type { SpeechModel, SpeechModelCallOptions, SpeechModelResult } from './speech-model.js';
export type { TranscriptionModel, TranscriptionModelCallOptions, TranscriptionModelResult, TranscriptionSegment } from './transcription-model.js';
export type { FinishReason, LanguageModelUsage } from './usage.js';
