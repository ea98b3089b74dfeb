import type { ReasoningPart, TextPart, ToolCallPart, ToolResultPart } from '../provider/index.js';

/** Bytes, or base64 (a `data:` URL is accepted too). */
export type DataContent = string | Uint8Array | ArrayBuffer;

/** An image in a user message (image-to-text). A string may be base64, a `data:` URL or an `http(s)` URL. */
export interface ImagePart {
  type: 'image';
  /** The image. */
  image: DataContent | URL;
  /** IANA media type; sniffed from the bytes when absent. */
  mediaType?: string;
}

/** Any other file in a user message, for models that take files. */
export interface FileInputPart {
  type: 'file';
  /** The file. */
  data: DataContent | URL;
  /** IANA media type. */
  mediaType: string;
}

/** A system message. */
export interface SystemModelMessage {
  role: 'system';
  /** The instructions. */
  content: string;
}

/** A user message: a string, or text and image parts. */
export interface UserModelMessage {
  role: 'user';
  /** The content. */
  content: string | Array<TextPart | ImagePart | FileInputPart>;
}

/** An earlier assistant turn. */
export interface AssistantModelMessage {
  role: 'assistant';
  /** The content. */
  content: string | Array<TextPart | ReasoningPart | ToolCallPart>;
}

/** Tool results answering an assistant turn's tool calls. */
export interface ToolModelMessage {
  role: 'tool';
  /** The results. */
  content: ToolResultPart[];
}

/** A message in `messages`. */
export type ModelMessage = SystemModelMessage | UserModelMessage | AssistantModelMessage | ToolModelMessage;

/** The prompt options shared by every text function: `prompt` or `messages`, plus `system`. */
export interface PromptOptions {
  /** System instructions, sent first. */
  system?: string;
  /** A single user message. Use either `prompt` or `messages`. */
  prompt?: string;
  /** The conversation. Use either `prompt` or `messages`. */
  messages?: ModelMessage[];
}
