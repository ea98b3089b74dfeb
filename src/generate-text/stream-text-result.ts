import type { FinishReason, LanguageModelUsage, ProviderMetadata, ResponseMetadata, Warning } from '../provider/index.js';
import type { ModelMessage } from '../prompt/model-message.js';
import type { AsyncIterableStream } from '../stream/async-iterable-stream.js';
import type { StepResult } from './step-result.js';
import type { TextStreamPart } from './text-stream-part.js';
import type { ToolSet, TypedToolCall, TypedToolResult } from './tool.js';

/**
 * The result of `streamText`, returned at once. Its two streams share one
 * source, so use one of them; the promises settle when the stream ends (and
 * awaiting one with no stream taken drains the stream for you).
 */
export interface StreamTextResult<TOOLS extends ToolSet> {
  /** The text deltas. Throws on an error part; `break` cancels the request. */
  readonly textStream: AsyncIterableStream<string>;
  /** Every part: text, reasoning, tool calls and results, step ends, errors, `stream-end`. */
  readonly fullStream: AsyncIterableStream<TextStreamPart<TOOLS>>;
  /** The last step's full text. */
  readonly text: Promise<string>;
  /** The last step's reasoning text. */
  readonly reasoningText: Promise<string | undefined>;
  /** Usage summed over all steps. */
  readonly usage: Promise<LanguageModelUsage>;
  /** Why the model stopped in the last step. */
  readonly finishReason: Promise<FinishReason>;
  /** The last step's tool calls. */
  readonly toolCalls: Promise<Array<TypedToolCall<TOOLS>>>;
  /** The last step's tool results. */
  readonly toolResults: Promise<Array<TypedToolResult<TOOLS>>>;
  /** Every step. */
  readonly steps: Promise<Array<StepResult<TOOLS>>>;
  /** Warnings of all steps. */
  readonly warnings: Promise<Warning[]>;
  /** The last response's metadata, with every message the call added. */
  readonly response: Promise<ResponseMetadata & { messages: ModelMessage[] }>;
  /** Provider-specific extras of the last step. */
  readonly providerMetadata: Promise<ProviderMetadata | undefined>;
  /** Reads the stream to its end without keeping the parts (to settle the promises). */
  consumeStream(): Promise<void>;
  /**
   * A `Response` whose body is the UTF-8 text stream, for route handlers on
   * edge runtimes and Node frameworks that speak web `Response`.
   */
  toTextStreamResponse(init?: ResponseInit): Response;
}
