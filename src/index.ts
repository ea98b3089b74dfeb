/**
 * aigc: one typed interface to AI content generators. Text and objects here;
 * providers at `aigc/openai`, `aigc/baidu`, `aigc/azure`, `aigc/stability`,
 * `aigc/midjourney` and `aigc/openai-compatible`.
 * @module
 */
export {
  AigcError,
  APICallError,
  DownloadError,
  InvalidArgumentError,
  InvalidResponseError,
  InvalidToolInputError,
  JobFailedError,
  LoadAPIKeyError,
  NetworkError,
  NoContentGeneratedError,
  NoObjectGeneratedError,
  NoSuchToolError,
  RetryError,
  ToolExecutionError,
  UnsupportedFunctionalityError,
  type RetryErrorReason,
} from './errors/index.js';
export { generateObject, type GenerateObjectOptions, type GenerateObjectResult } from './generate-object/generate-object.js';
export type { ObjectCallOptions } from './generate-object/prepare-object-call.js';
export { streamObject, type DeepPartial, type StreamObjectOptions, type StreamObjectResult } from './generate-object/stream-object.js';
export { generateImage, type GenerateImageOptions, type GenerateImageResult, type ImagePrompt, type ImagePromptInput } from './generate-image/index.js';
export { generateText, type GenerateTextOptions } from './generate-text/generate-text.js';
export type { GenerateTextResult } from './generate-text/generate-text-result.js';
export type { StepResult } from './generate-text/step-result.js';
export { hasToolCall, stepCountIs, type StopCondition } from './generate-text/stop-condition.js';
export { streamText, type StreamTextOptions } from './generate-text/stream-text.js';
export type { StreamTextResult } from './generate-text/stream-text-result.js';
export type { TextStreamPart } from './generate-text/text-stream-part.js';
export {
  tool,
  type Tool,
  type ToolChoice,
  type ToolErrorResult,
  type ToolExecutionOptions,
  type ToolSet,
  type TypedToolCall,
  type TypedToolResult,
} from './generate-text/tool.js';
export type { CallSettings } from './prompt/call-settings.js';
export type {
  AssistantModelMessage,
  DataContent,
  FileInputPart,
  ImagePart,
  ModelMessage,
  SystemModelMessage,
  ToolModelMessage,
  UserModelMessage,
} from './prompt/model-message.js';
export type * from './provider/index.js';
export { jsonSchema, type FlexibleSchema, type InferSchema, type Schema } from './schema/as-schema.js';
export type { StandardSchemaV1 } from './schema/standard-schema.js';
export { runJob, type JobPollResult, type RunJobOptions, type RunJobResult } from './jobs/index.js';
export { speak, streamSpeech, type SpeakOptions, type SpeakResult, type StreamSpeechResult } from './speak/index.js';
export { transcribe, type TranscribeOptions, type TranscribeResult, type TranscriptionAudio } from './transcribe/index.js';
export type { DownloadSettings } from './util/download.js';
export type { GeneratedFile } from './util/generated-file.js';
export type { AsyncIterableStream } from './stream/async-iterable-stream.js';
