import type { LanguageModelResult } from '../provider/index.js';
import { retryAfterFailure } from '../retry/retry-with-backoff.js';
import { createCallSignal } from '../util/call-signal.js';
import { toGenerateTextResult, type GenerateTextResult } from './generate-text-result.js';
import { stepOptions } from './generate-step.js';
import { prepareTextCall, type TextCallOptions } from './prepare-text-call.js';
import { runToolLoop } from './run-tool-loop.js';
import { prepareTools } from './run-tools.js';
import { createStep, readContent } from './step-result.js';
import { prepareLoop, type ToolLoopOptions } from './tool-loop.js';
import type { ToolSet } from './tool.js';

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
  try {
    const firstOptions = stepOptions(call, call.callOptions.prompt, prepared, signal);
    let result: LanguageModelResult;
    // The first attempt in this frame, the retries only after a failure: no closure for them per call
    // (retryWithBackoff's would live as long as the request; retry-with-backoff.ts).
    try {
      result = await call.model.doGenerate(firstOptions);
    } catch (error) {
      result = await retryAfterFailure(error, () => call.model.doGenerate(firstOptions), { maxRetries: call.maxRetries, abortSignal: signal });
    }
    const content = readContent(result.content);
    // Most answers make no tool call, and without one the loop always stops (tool-loop.ts): the
    // answer is the whole result. The loop is a function of its own, so that this one, which runs
    // on every call, stays small for the JIT (docs/performance.md).
    if (!content.hasToolCalls) {
      const step = createStep<TOOLS>(result, content);
      return toGenerateTextResult([step], step.response.messages);
    }
    return await runToolLoop(options, call, loop, prepared, signal, result);
  } finally {
    callSignal.dispose();
  }
}
