import type { LanguageModelCallOptions, LanguageModelResult } from '../provider/index.js';
import { retryWithBackoff } from '../retry/retry-with-backoff.js';
import type { PreparedTextCall } from './prepare-text-call.js';
import type { PreparedTools } from './run-tools.js';

/** One model call of a text call (`generateText`, and each step of its tool loop), retried. */
export function generateStep(
  call: PreparedTextCall,
  prompt: LanguageModelCallOptions['prompt'],
  prepared: PreparedTools,
  signal: AbortSignal | undefined,
): Promise<LanguageModelResult> {
  // A first step without tools or a signal sends the prepared options as they are: no per-call copy of them.
  const plain = prompt === call.callOptions.prompt && prepared.tools === undefined && prepared.toolChoice === undefined && signal === undefined;
  const stepOptions = plain ? call.callOptions : Object.assign({}, call.callOptions, { prompt, tools: prepared.tools, toolChoice: prepared.toolChoice, abortSignal: signal });
  return retryWithBackoff(() => call.model.doGenerate(stepOptions), { maxRetries: call.maxRetries, abortSignal: signal });
}
