import type { LanguageModelCallOptions, LanguageModelResult } from '../provider/index.js';
import { retryWithBackoff } from '../retry/retry-with-backoff.js';
import type { PreparedTextCall } from './prepare-text-call.js';
import type { PreparedTools } from './run-tools.js';

/** A step of the tool loop of `generateText`: one model call, retried. */
export function generateStep(
  call: PreparedTextCall,
  prompt: LanguageModelCallOptions['prompt'],
  prepared: PreparedTools,
  signal: AbortSignal | undefined,
): Promise<LanguageModelResult> {
  const options = stepOptions(call, prompt, prepared, signal);
  return retryWithBackoff(() => call.model.doGenerate(options), { maxRetries: call.maxRetries, abortSignal: signal });
}

/** The call options of one step: the prompt so far, the tools and the call's signal. */
export function stepOptions(
  call: PreparedTextCall,
  prompt: LanguageModelCallOptions['prompt'],
  prepared: PreparedTools,
  signal: AbortSignal | undefined,
): LanguageModelCallOptions {
  // A first step without tools or a signal sends the prepared options as they are: no per-call copy of them.
  const plain = prompt === call.callOptions.prompt && prepared.tools === undefined && prepared.toolChoice === undefined && signal === undefined;
  return plain ? call.callOptions : Object.assign({}, call.callOptions, { prompt, tools: prepared.tools, toolChoice: prepared.toolChoice, abortSignal: signal });
}
