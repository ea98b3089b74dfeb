/**
 * JSON Schema (draft 2020-12 or 7) as a plain object. Core produces it from zod;
 * providers pass it to the wire as they need.
 */
export type JSONSchema = Record<string, unknown>;

/** Plain text in a message. */
export interface TextPart {
  type: 'text';
  /** The text. */
  text: string;
}

/**
 * A file in a user message; images are the common case (image-to-text).
 * Core has already resolved the caller's `image` part into this shape.
 */
export interface FilePart {
  type: 'file';
  /** Raw bytes, a URL the provider may fetch itself, or base64 without a data-URL prefix. */
  data: Uint8Array | URL | string;
  /** IANA media type, e.g. `image/png`. `image/*` when the caller did not say and it could not be sniffed. */
  mediaType: string;
}

/** Hidden reasoning text the model produced earlier (sent back on later turns where supported). */
export interface ReasoningPart {
  type: 'reasoning';
  /** The reasoning text. */
  text: string;
}

/** A tool call the model made on an earlier assistant turn. */
export interface ToolCallPart {
  type: 'tool-call';
  /** The provider's id for the call, echoed in the matching result. */
  toolCallId: string;
  /** The tool's name. */
  toolName: string;
  /** The input the model produced, as a JSON value. */
  input: unknown;
}

/** The result of a tool call, sent back to the model. */
export interface ToolResultPart {
  type: 'tool-result';
  /** The id of the call this answers. */
  toolCallId: string;
  /** The tool's name. */
  toolName: string;
  /** The result: any JSON value; an error result carries `{ error: message }`. */
  output: unknown;
  /** True when the output describes a failure (invalid input, unknown tool, a throwing `execute`). */
  isError?: boolean;
}

/**
 * A normalised message as models receive it: content is always an array of
 * parts (except `system`), so providers need not handle the string shorthand.
 */
export type LanguageModelMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: Array<TextPart | FilePart> }
  | { role: 'assistant'; content: Array<TextPart | ReasoningPart | ToolCallPart> }
  | { role: 'tool'; content: ToolResultPart[] };

/** A function tool as sent to the model: its input schema already converted to JSON Schema. */
export interface LanguageModelFunctionTool {
  type: 'function';
  /** The name the model uses to call it. */
  name: string;
  /** What the tool does, for the model. */
  description?: string;
  /** JSON Schema of the tool's input. */
  inputSchema: JSONSchema;
}

/** How the model may use tools. */
export type LanguageModelToolChoice =
  | { type: 'auto' }
  | { type: 'none' }
  | { type: 'required' }
  | { type: 'tool'; toolName: string };
