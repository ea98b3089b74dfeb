import { extendResponse } from '../http/lazy-headers.js';
import type { FinishReason, LanguageModelContent, LanguageModelResult, LanguageModelUsage, ProviderMetadata, ResponseMetadata, Warning } from '../provider/index.js';
import type { ModelMessage } from '../prompt/model-message.js';
import { stepMessages } from './run-tools.js';
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

/** The text and reasoning of a model's content, and whether it holds tool calls. */
export interface ContentText {
  /** The text parts, joined. */
  text: string;
  /** The reasoning parts, joined; undefined without any. */
  reasoningText: string | undefined;
  /** Whether a tool call is among the parts. */
  hasToolCalls: boolean;
}

/** Reads the text, reasoning and presence of tool calls from a model's content in one pass. */
export function readContent(content: readonly LanguageModelContent[]): ContentText {
  let text = '';
  let reasoningText: string | undefined;
  let hasToolCalls = false;
  for (let i = 0; i < content.length; i++) {
    const part = content[i]!;
    if (part.type === 'text') text += part.text;
    else if (part.type === 'reasoning') reasoningText = (reasoningText ?? '') + part.text;
    else if (part.type === 'tool-call') hasToolCalls = true;
  }
  return { text, reasoningText, hasToolCalls };
}

/** The tool outcomes of a step that ran tools. */
export interface StepTools<TOOLS extends ToolSet> {
  /** Valid calls. */
  toolCalls: Array<TypedToolCall<TOOLS>>;
  /** Results of the calls that ran. */
  toolResults: Array<TypedToolResult<TOOLS>>;
  /** Failed calls. */
  toolErrors: ToolErrorResult[];
}

/**
 * A step from a model's result, its text and, when it made calls, their
 * outcomes; its `response` is the model's, extended with the messages the
 * step adds to the conversation.
 */
export function createStep<TOOLS extends ToolSet>(result: LanguageModelResult, content: ContentText, tools?: StepTools<TOOLS>): StepResult<TOOLS> {
  const text = content.text;
  const toolCalls = tools === undefined ? [] : tools.toolCalls;
  const toolResults = tools === undefined ? [] : tools.toolResults;
  const toolErrors = tools === undefined ? [] : tools.toolErrors;
  return {
    text,
    reasoningText: content.reasoningText,
    toolCalls,
    toolResults,
    toolErrors,
    finishReason: result.finishReason,
    usage: result.usage,
    warnings: result.warnings,
    response: extendResponse(result.response, { messages: stepMessages({ text, toolCalls, toolResults, toolErrors }) }),
    providerMetadata: result.providerMetadata,
  };
}
