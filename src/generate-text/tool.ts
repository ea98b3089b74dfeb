import type { ModelMessage } from '../prompt/model-message.js';
import type { FlexibleSchema, InferSchema } from '../schema/as-schema.js';

/** What `execute` receives besides the input. */
export interface ToolExecutionOptions {
  /** The model's id for this call. */
  toolCallId: string;
  /** The conversation so far, as sent to the model for this step. */
  messages: ModelMessage[];
  /** The call's signal (caller's abort and timeout); pass it to your own I/O. */
  abortSignal?: AbortSignal;
}

/**
 * A function tool the model may call. `inputSchema` is a zod 4 schema (or any
 * Standard JSON Schema, or `jsonSchema(...)`); `execute` receives the
 * validated input. A tool without `execute` ends the loop with the call
 * returned to the caller.
 */
export interface Tool<INPUT = any, OUTPUT = any> {
  /** What the tool does, for the model. */
  description?: string;
  /** The input's schema; sent as JSON Schema and used to validate the model's arguments. */
  inputSchema: FlexibleSchema<INPUT>;
  /** Runs the tool. Its return value is sent back to the model as the result. */
  execute?: (input: INPUT, options: ToolExecutionOptions) => OUTPUT | PromiseLike<OUTPUT>;
}

/** The tools of a call, by the name the model uses. */
export type ToolSet = Record<string, Tool>;

/**
 * Declares a tool with its types inferred: `execute`'s input from
 * `inputSchema`, the result type from `execute`'s return.
 *
 * @example
 * const weather = tool({
 *   description: 'Current weather in a city',
 *   inputSchema: z.object({ city: z.string() }),
 *   execute: async ({ city }) => ({ city, celsius: 21 }),
 * });
 */
export function tool<SCHEMA extends FlexibleSchema, OUTPUT>(
  definition: { description?: string; inputSchema: SCHEMA; execute: (input: InferSchema<SCHEMA>, options: ToolExecutionOptions) => OUTPUT | PromiseLike<OUTPUT> },
): Tool<InferSchema<SCHEMA>, Awaited<OUTPUT>>;
export function tool<SCHEMA extends FlexibleSchema>(
  definition: { description?: string; inputSchema: SCHEMA; execute?: undefined },
): Tool<InferSchema<SCHEMA>, never>;
export function tool(definition: Tool): Tool {
  return definition;
}

/** A tool call with its input parsed and validated. */
export type TypedToolCall<TOOLS extends ToolSet> = {
  [NAME in keyof TOOLS & string]: {
    type: 'tool-call';
    /** The model's id for the call. */
    toolCallId: string;
    /** The tool called. */
    toolName: NAME;
    /** The validated input. */
    input: TOOLS[NAME] extends Tool<infer INPUT, any> ? INPUT : never;
  };
}[keyof TOOLS & string];

/** A tool's result. */
export type TypedToolResult<TOOLS extends ToolSet> = {
  [NAME in keyof TOOLS & string]: {
    type: 'tool-result';
    /** The id of the call. */
    toolCallId: string;
    /** The tool. */
    toolName: NAME;
    /** The validated input. */
    input: TOOLS[NAME] extends Tool<infer INPUT, any> ? INPUT : never;
    /** What `execute` returned. */
    output: TOOLS[NAME] extends Tool<any, infer OUTPUT> ? OUTPUT : never;
  };
}[keyof TOOLS & string];

/** A tool call that failed: unknown tool, invalid input, or a throwing `execute`. */
export interface ToolErrorResult {
  type: 'tool-error';
  /** The id of the call. */
  toolCallId: string;
  /** The name the model used. */
  toolName: string;
  /** The input as far as it could be parsed (the raw text when it was not JSON). */
  input: unknown;
  /** `NoSuchToolError`, `InvalidToolInputError` or `ToolExecutionError`. */
  error: Error;
}

/** How the model may use tools: `auto` (default), `none`, `required`, or one named tool. */
export type ToolChoice<TOOLS extends ToolSet = ToolSet> = 'auto' | 'none' | 'required' | { type: 'tool'; toolName: keyof TOOLS & string };
