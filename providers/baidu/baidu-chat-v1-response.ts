import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { asNumber, asString, isRecord, type RequestContext } from '../../src/http/index.js';
import type { LanguageModelContent, LanguageModelResult, LanguageModelUsage, ProviderMetadata, ResponseMetadata } from '../../src/provider/index.js';
import { mapBaiduFinishReason } from './map-baidu-finish-reason.js';

/** Maps a v1 `chat.completion` body (not an error body: those are thrown before). */
export function mapBaiduV1Completion(
  data: unknown,
  context: RequestContext,
): Pick<LanguageModelResult, 'content' | 'finishReason' | 'usage' | 'providerMetadata'> & { metadata: ResponseMetadata } {
  // A body with neither `result` nor `function_call` (nor the safety flag that empties it) is not a completion: failing beats answering "".
  const empty = isRecord(data) && data.result == null && data.function_call == null && data.need_clear_history !== true;
  if (!isRecord(data) || empty || (data.result !== undefined && data.result !== null && typeof data.result !== 'string')) {
    throw new InvalidResponseError({ provider: context.provider, message: 'expected a v1 chat.completion with a string `result`', rawValue: JSON.stringify(data) });
  }
  const content: LanguageModelContent[] = [];
  const text = asString(data.result);
  if (text) content.push({ type: 'text', text });
  const call = mapBaiduFunctionCall(data, 0);
  if (call) content.push(call);
  return {
    content,
    finishReason: mapBaiduV1FinishReason(data, call !== undefined),
    usage: mapBaiduUsage(data.usage),
    providerMetadata: mapBaiduV1Metadata(data),
    metadata: mapBaiduResponseMetadata(data),
  };
}

/** A v1 `function_call` as a tool call; v1 has no call ids, so one is made from the response id. */
export function mapBaiduFunctionCall(data: Record<string, unknown>, index: number): Extract<LanguageModelContent, { type: 'tool-call' }> | undefined {
  const call = data.function_call;
  if (!isRecord(call) || typeof call.name !== 'string') return undefined;
  return { type: 'tool-call', toolCallId: `${asString(data.id) ?? 'call'}-${index}`, toolName: call.name, input: asString(call.arguments) ?? '{}' };
}

/**
 * v1 often omits `finish_reason`; `need_clear_history` means the input was
 * judged unsafe and `is_truncated` that the output was cut at the limit.
 */
export function mapBaiduV1FinishReason(data: Record<string, unknown>, calledFunction: boolean): LanguageModelResult['finishReason'] {
  if (data.need_clear_history === true) return 'content-filter';
  if (calledFunction) return 'tool-calls';
  if (data.finish_reason !== undefined && data.finish_reason !== null && data.finish_reason !== '') return mapBaiduFinishReason(data.finish_reason);
  return data.is_truncated === true ? 'length' : 'stop';
}

/** Maps `{prompt_tokens, completion_tokens, total_tokens}`. */
export function mapBaiduUsage(usage: unknown): LanguageModelUsage {
  if (!isRecord(usage)) return { inputTokens: undefined, outputTokens: undefined, totalTokens: undefined };
  const inputTokens = asNumber(usage.prompt_tokens);
  const outputTokens = asNumber(usage.completion_tokens);
  return {
    inputTokens,
    outputTokens,
    totalTokens: asNumber(usage.total_tokens) ?? (inputTokens !== undefined && outputTokens !== undefined ? inputTokens + outputTokens : undefined),
  };
}

/** `id` and `created` (unix seconds). */
export function mapBaiduResponseMetadata(data: Record<string, unknown>): ResponseMetadata {
  const created = asNumber(data.created);
  return { id: asString(data.id), timestamp: created === undefined ? new Date() : new Date(created * 1000) };
}

/** Baidu's safety markers and search results, which callers may need to act on (drop history, show sources). */
export function mapBaiduV1Metadata(data: Record<string, unknown>): ProviderMetadata | undefined {
  const baidu: Record<string, unknown> = {};
  if (typeof data.need_clear_history === 'boolean') baidu.needClearHistory = data.need_clear_history;
  if (asNumber(data.ban_round) !== undefined) baidu.banRound = data.ban_round;
  if (typeof data.is_truncated === 'boolean') baidu.isTruncated = data.is_truncated;
  if (isRecord(data.search_info)) baidu.searchInfo = data.search_info;
  return Object.keys(baidu).length > 0 ? { baidu } : undefined;
}
