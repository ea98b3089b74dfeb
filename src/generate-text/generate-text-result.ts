import type { FinishReason, LanguageModelUsage, ProviderMetadata, ResponseMetadata, Warning } from '../provider/index.js';
import type { ModelMessage } from '../prompt/model-message.js';
import { addUsage, emptyUsage } from '../util/usage.js';
import type { StepResult } from './step-result.js';
import type { ToolSet, TypedToolCall, TypedToolResult } from './tool.js';

/** The result of `generateText`. `text`, `toolCalls`, `toolResults` and `finishReason` describe the last step. */
export interface GenerateTextResult<TOOLS extends ToolSet> {
  /** The generated text of the last step. */
  text: string;
  /** Reasoning text of the last step, when the model exposed it. */
  reasoningText: string | undefined;
  /** Tool calls of the last step. */
  toolCalls: Array<TypedToolCall<TOOLS>>;
  /** Tool results of the last step. */
  toolResults: Array<TypedToolResult<TOOLS>>;
  /** Why the model stopped in the last step. */
  finishReason: FinishReason;
  /** Token usage summed over all steps. */
  usage: LanguageModelUsage;
  /** Warnings of all steps. */
  warnings: Warning[];
  /** The last response's metadata; `messages` are every assistant and tool message the call added, ready to append to a history. */
  response: ResponseMetadata & { body?: unknown; messages: ModelMessage[] };
  /** Provider-specific extras of the last step. */
  providerMetadata: ProviderMetadata | undefined;
  /** Every step, with its own usage. */
  steps: Array<StepResult<TOOLS>>;
}

/** The result of a call from its steps (at least one) and every message they added. */
export function toGenerateTextResult<TOOLS extends ToolSet>(steps: Array<StepResult<TOOLS>>, messages: ModelMessage[]): GenerateTextResult<TOOLS> {
  const last = steps[steps.length - 1]!;
  const single = steps.length === 1;
  return {
    text: last.text,
    reasoningText: last.reasoningText,
    toolCalls: last.toolCalls,
    toolResults: last.toolResults,
    finishReason: last.finishReason,
    usage: single ? last.usage : steps.reduce((total, step) => addUsage(total, step.usage), emptyUsage()),
    warnings: single ? last.warnings : steps.flatMap((step) => step.warnings),
    // One step: its response already lists the call's messages.
    response: single ? last.response : Object.assign({}, last.response, { messages }),
    providerMetadata: last.providerMetadata,
    steps,
  };
}
