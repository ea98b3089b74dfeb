import type { ModelMessage } from '../prompt/model-message.js';
import { standardizePrompt } from '../prompt/standardize-prompt.js';
import type { LanguageModelResult } from '../provider/index.js';
import { generateStep } from './generate-step.js';
import type { GenerateTextOptions } from './generate-text.js';
import { toGenerateTextResult, type GenerateTextResult } from './generate-text-result.js';
import type { PreparedTextCall } from './prepare-text-call.js';
import { executeToolCall, parseToolCall, type PreparedTools } from './run-tools.js';
import { createStep, readContent, type StepResult } from './step-result.js';
import type { PreparedLoop } from './tool-loop.js';
import type { ToolErrorResult, ToolSet, TypedToolCall, TypedToolResult } from './tool.js';

/**
 * The tool loop of `generateText`, from a first result that holds tool calls:
 * validates and runs the calls, and sends their results back until the model
 * answers without calls, a stop condition holds, or `maxSteps` ran.
 */
export async function runToolLoop<TOOLS extends ToolSet>(
  options: GenerateTextOptions<TOOLS>,
  call: PreparedTextCall,
  loop: PreparedLoop,
  prepared: PreparedTools,
  signal: AbortSignal | undefined,
  first: LanguageModelResult,
): Promise<GenerateTextResult<TOOLS>> {
  const tools = (options.tools ?? NO_TOOLS) as TOOLS;
  const steps: Array<StepResult<TOOLS>> = [];
  let addedMessages: ModelMessage[] = [];
  let prompt = call.callOptions.prompt;
  let result = first;
  for (;;) {
    const content = readContent(result.content);
    const toolCalls: Array<TypedToolCall<TOOLS>> = [];
    const toolErrors: ToolErrorResult[] = [];
    const toolResults: Array<TypedToolResult<TOOLS>> = [];
    if (content.hasToolCalls) {
      const parsed = await Promise.all(
        result.content.flatMap((part) => (part.type === 'tool-call' ? [parseToolCall<TOOLS>(part, prepared.schemas)] : [])),
      );
      for (const item of parsed) {
        if (item.type === 'tool-call') toolCalls.push(item.call);
        else toolErrors.push(item);
      }
      const conversation = [...(options.messages ?? []), ...addedMessages];
      const executed = await Promise.all(toolCalls.map((toolCall) => executeToolCall(toolCall, tools, { messages: conversation, abortSignal: signal })));
      for (const item of executed) {
        if (item?.type === 'tool-result') toolResults.push(item);
        else if (item?.type === 'tool-error') toolErrors.push(item);
      }
    }
    const step = createStep(result, content, { toolCalls, toolResults, toolErrors });
    steps.push(step);
    const messages = step.response.messages;
    addedMessages = [...addedMessages, ...messages];
    const continues = toolCalls.length + toolErrors.length > 0 && (await loop.shouldContinue(steps, tools));
    if (!continues) {
      if (toolErrors.length > 0) throw toolErrors[0]!.error;
      return toGenerateTextResult(steps, addedMessages);
    }
    prompt = [...prompt, ...standardizePrompt({ messages })];
    result = await generateStep(call, prompt, prepared, signal);
  }
}

/** The tools of a call without any: shared, never written. */
const NO_TOOLS: ToolSet = Object.freeze({});
