import type { FinishReason, LanguageModelUsage, ProviderMetadata, ResponseMetadata, Warning } from '../provider/index.js';
import type { ModelMessage } from '../prompt/model-message.js';
import type { ToolErrorResult, ToolSet, TypedToolCall, TypedToolResult } from './tool.js';

/** One model call within a text call, with the tools it ran. */
export interface StepResult<TOOLS extends ToolSet> {
  /** The text of this step. */
  text: string;
  /** Reasoning text of this step, when the model exposed it. */
  reasoningText: string | undefined;
  /** Valid tool calls the model made in this step. */
  toolCalls: Array<TypedToolCall<TOOLS>>;
  /** Results of the calls that had an `execute`. */
  toolResults: Array<TypedToolResult<TOOLS>>;
  /** Calls that failed (unknown tool, invalid input, throwing `execute`). */
  toolErrors: ToolErrorResult[];
  /** Why the model stopped in this step. */
  finishReason: FinishReason;
  /** This step's token usage. */
  usage: LanguageModelUsage;
  /** Settings the model ignored. */
  warnings: Warning[];
  /** The response's metadata; `messages` are the assistant and tool messages this step added. */
  response: ResponseMetadata & { body?: unknown; messages: ModelMessage[] };
  /** Provider-specific extras. */
  providerMetadata: ProviderMetadata | undefined;
}
