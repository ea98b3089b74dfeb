import type { LanguageModelUsage } from '../provider/index.js';

/** Usage with every count unknown. */
export function emptyUsage(): LanguageModelUsage {
  return { inputTokens: undefined, outputTokens: undefined, totalTokens: undefined };
}

/** Sums two usages; a count stays undefined only when both are. */
export function addUsage(a: LanguageModelUsage, b: LanguageModelUsage): LanguageModelUsage {
  const result: LanguageModelUsage = {
    inputTokens: add(a.inputTokens, b.inputTokens),
    outputTokens: add(a.outputTokens, b.outputTokens),
    totalTokens: add(a.totalTokens, b.totalTokens),
  };
  const reasoning = add(a.reasoningTokens, b.reasoningTokens);
  if (reasoning !== undefined) result.reasoningTokens = reasoning;
  const cached = add(a.cachedInputTokens, b.cachedInputTokens);
  if (cached !== undefined) result.cachedInputTokens = cached;
  return result;
}

function add(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}
