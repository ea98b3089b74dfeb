import type { ModelMessage } from '../prompt/model-message.js';
import { standardizePrompt } from '../prompt/standardize-prompt.js';
import type { LanguageModelResult, ProviderMetadata } from '../provider/index.js';
import { extendResponse } from '../http/lazy-headers.js';
import { retryWithBackoff } from '../retry/retry-with-backoff.js';
import { createCallSignal } from '../util/call-signal.js';
import { addUsage, emptyUsage } from '../util/usage.js';
import type { GenerateTextResult } from './generate-text-result.js';
import { prepareTextCall, type TextCallOptions } from './prepare-text-call.js';
import { executeToolCall, parseToolCall, prepareTools, stepMessages } from './run-tools.js';
import { prepareLoop, type ToolLoopOptions } from './tool-loop.js';
import type { StepResult } from './step-result.js';
import type { ToolErrorResult, ToolSet, TypedToolCall, TypedToolResult } from './tool.js';

/** Options of {@link generateText}. */
export interface GenerateTextOptions<TOOLS extends ToolSet = {}> extends TextCallOptions, ToolLoopOptions<TOOLS> {}

/**
 * Generates text with a language model, running tool calls in a loop when
 * `tools` and `maxSteps`/`stopWhen` allow.
 *
 * @example
 * const { text, usage } = await generateText({ model: openai('gpt-4o-mini'), prompt: '什么是AIGC？' });
 */
export async function generateText<TOOLS extends ToolSet = {}>(options: GenerateTextOptions<TOOLS>): Promise<GenerateTextResult<TOOLS>> {
  const call = prepareTextCall(options);
  const loop = prepareLoop(options);
  const prepared = prepareTools(options.tools, options.toolChoice);
  const callSignal = createCallSignal(options.abortSignal, call.timeout);
  const signal = callSignal.signal;
  const tools = (options.tools ?? NO_TOOLS) as TOOLS;
  let steps: Array<StepResult<TOOLS>> | undefined;
  let addedMessages: ModelMessage[] | undefined;
  let prompt = call.callOptions.prompt;
  try {
    for (;;) {
      // A first step without tools or a signal sends the prepared options as they are: no per-call copy of them.
      const plain = prompt === call.callOptions.prompt && prepared.tools === undefined && prepared.toolChoice === undefined && signal === undefined;
      const stepOptions = plain ? call.callOptions : Object.assign({}, call.callOptions, { prompt, tools: prepared.tools, toolChoice: prepared.toolChoice, abortSignal: signal });
      const result: LanguageModelResult = await retryWithBackoff(() => call.model.doGenerate(stepOptions), { maxRetries: call.maxRetries, abortSignal: signal });
      const toolCalls: Array<TypedToolCall<TOOLS>> = [];
      const toolErrors: ToolErrorResult[] = [];
      const toolResults: Array<TypedToolResult<TOOLS>> = [];
      let text = '';
      let reasoning: string | undefined;
      let calls = false;
      for (const part of result.content) {
        if (part.type === 'text') text += part.text;
        else if (part.type === 'reasoning') reasoning = (reasoning ?? '') + part.text;
        else if (part.type === 'tool-call') calls = true;
      }
      // Most answers have no tool call: skip the parsing and execution machinery (and its promises) for them.
      if (calls) {
        const parsed = await Promise.all(
          result.content.flatMap((part) => (part.type === 'tool-call' ? [parseToolCall<TOOLS>(part, prepared.schemas)] : [])),
        );
        for (const item of parsed) {
          if (item.type === 'tool-call') toolCalls.push(item.call);
          else toolErrors.push(item);
        }
        const conversation = [...(options.messages ?? []), ...(addedMessages ?? [])];
        const executed = await Promise.all(toolCalls.map((toolCall) => executeToolCall(toolCall, tools, { messages: conversation, abortSignal: signal })));
        for (const item of executed) {
          if (item?.type === 'tool-result') toolResults.push(item);
          else if (item?.type === 'tool-error') toolErrors.push(item);
        }
      }
      const messages = stepMessages({ text, toolCalls, toolResults, toolErrors });
      const step: StepResult<TOOLS> = {
        text,
        reasoningText: reasoning,
        toolCalls,
        toolResults,
        toolErrors,
        finishReason: result.finishReason,
        usage: result.usage,
        warnings: result.warnings,
        response: extendResponse(result.response, { messages }),
        providerMetadata: result.providerMetadata,
      };
      // A literal for the first step: an array grown by push reserves room for 17.
      if (steps === undefined) steps = [step];
      else steps.push(step);
      addedMessages = addedMessages === undefined ? messages : [...addedMessages, ...messages];
      // Without calls the loop always stops (tool-loop.ts); not awaiting it saves a turn of the event loop per call.
      const continues = toolCalls.length + toolErrors.length > 0 && (await loop.shouldContinue(steps, tools));
      if (!continues) {
        if (toolErrors.length > 0) throw toolErrors[0]!.error;
        break;
      }
      prompt = [...prompt, ...standardizePrompt({ messages })];
    }
  } finally {
    callSignal.dispose();
  }
  return toResult(steps!, addedMessages!);
}

/** The tools of a call without any: shared, never written. */
const NO_TOOLS: ToolSet = Object.freeze({});

function toResult<TOOLS extends ToolSet>(steps: Array<StepResult<TOOLS>>, messages: ModelMessage[]): GenerateTextResult<TOOLS> {
  const last = steps[steps.length - 1]!;
  return {
    text: last.text,
    reasoningText: last.reasoningText,
    toolCalls: last.toolCalls,
    toolResults: last.toolResults,
    finishReason: last.finishReason,
    usage: steps.length === 1 ? last.usage : steps.reduce((total, step) => addUsage(total, step.usage), emptyUsage()),
    warnings: steps.length === 1 ? last.warnings : steps.flatMap((step) => step.warnings),
    // One step: its response already lists the call's messages.
    response: steps.length === 1 ? last.response : Object.assign({}, last.response, { messages }),
    providerMetadata: last.providerMetadata as ProviderMetadata | undefined,
    steps,
  };
}
