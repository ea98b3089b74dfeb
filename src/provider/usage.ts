/**
 * Token counts for a call. A count the provider did not report is `undefined`,
 * never a guessed zero.
 */
export interface LanguageModelUsage {
  /** Tokens in the prompt (including cached ones). */
  inputTokens: number | undefined;
  /** Tokens the model produced (including reasoning tokens). */
  outputTokens: number | undefined;
  /** Total as reported by the provider, else input + output. */
  totalTokens: number | undefined;
  /** Of `outputTokens`, how many were spent on hidden reasoning. */
  reasoningTokens?: number;
  /** Of `inputTokens`, how many were served from the provider's prompt cache. */
  cachedInputTokens?: number;
}

/**
 * Why the model stopped. Provider values are mapped onto this closed set
 * (Baidu's `normal` becomes `'stop'`, OpenAI's `tool_calls` becomes `'tool-calls'`).
 */
export type FinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other' | 'unknown';
