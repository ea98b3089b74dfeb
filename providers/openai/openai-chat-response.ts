import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { asNumber, asString, isRecord, type RequestContext } from '../../src/http/index.js';
import type { LanguageModelContent, LanguageModelResult, LanguageModelUsage, ProviderMetadata, ResponseMetadata } from '../../src/provider/index.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';

/** Maps a `chat.completion` body; a body without `choices` is an `InvalidResponseError`. */
export function mapChatCompletion(
  data: unknown,
  context: RequestContext,
): Pick<LanguageModelResult, 'content' | 'finishReason' | 'usage' | 'providerMetadata'> & { metadata: ResponseMetadata } {
  const choice = isRecord(data) && Array.isArray(data.choices) ? data.choices[0] : undefined;
  const message = isRecord(choice) ? choice.message : undefined;
  if (!isRecord(data) || !isRecord(message)) {
    throw new InvalidResponseError({ provider: context.provider, message: 'expected a chat.completion with choices[0].message', rawValue: JSON.stringify(data) });
  }
  const reasoning = asString(message.reasoning_content) ?? asString(message.reasoning);
  const text = asString(message.content);
  const refusal = asString(message.refusal);
  const answer = text || refusal;
  // Literals for a plain answer (most responses): an array grown by push reserves room for 17 parts.
  const content: LanguageModelContent[] = answer ? [{ type: 'text', text: answer }] : [];
  if (reasoning) content.unshift({ type: 'reasoning', text: reasoning });
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls) {
      if (!isRecord(call) || !isRecord(call.function)) continue;
      content.push({
        type: 'tool-call',
        toolCallId: asString(call.id) ?? `call_${content.length}`,
        toolName: asString(call.function.name) ?? '',
        input: asString(call.function.arguments) ?? '',
      });
    }
  }
  return {
    content,
    // A refusal arrives with finish_reason "stop"; report it as the filter it is.
    finishReason: refusal && !text ? 'content-filter' : mapOpenAIFinishReason(isRecord(choice) ? choice.finish_reason : undefined),
    usage: mapOpenAIUsage(data.usage),
    providerMetadata: openAIMetadata(data),
    metadata: mapResponseMetadata(data),
  };
}

/** Maps OpenAI's `usage` object (chat, and the same shape from compatible servers). */
export function mapOpenAIUsage(usage: unknown): LanguageModelUsage {
  if (!isRecord(usage)) return { inputTokens: undefined, outputTokens: undefined, totalTokens: undefined };
  const inputTokens = asNumber(usage.prompt_tokens);
  const outputTokens = asNumber(usage.completion_tokens);
  const result: LanguageModelUsage = {
    inputTokens,
    outputTokens,
    totalTokens: asNumber(usage.total_tokens) ?? (inputTokens !== undefined && outputTokens !== undefined ? inputTokens + outputTokens : undefined),
  };
  const reasoning = isRecord(usage.completion_tokens_details) ? asNumber(usage.completion_tokens_details.reasoning_tokens) : undefined;
  if (reasoning !== undefined) result.reasoningTokens = reasoning;
  const cached = isRecord(usage.prompt_tokens_details) ? asNumber(usage.prompt_tokens_details.cached_tokens) : undefined;
  if (cached !== undefined) result.cachedInputTokens = cached;
  return result;
}

/** `id`, `model` and `created` (unix seconds) of a completion or chunk. */
export function mapResponseMetadata(data: Record<string, unknown>): ResponseMetadata {
  const created = asNumber(data.created);
  return {
    id: asString(data.id),
    modelId: asString(data.model),
    timestamp: created === undefined ? new Date() : new Date(created * 1000),
  };
}

function openAIMetadata(data: Record<string, unknown>): ProviderMetadata | undefined {
  const fingerprint = asString(data.system_fingerprint);
  const tier = asString(data.service_tier);
  if (!fingerprint && !tier) return undefined;
  const openai: Record<string, string> = {};
  if (fingerprint) openai.systemFingerprint = fingerprint;
  if (tier) openai.serviceTier = tier;
  return { openai };
}

/** Merges provider metadata key by key (`openai` from the mapping, `azure` from an extractor, …). */
export function mergeProviderMetadata(...parts: Array<ProviderMetadata | undefined>): ProviderMetadata | undefined {
  // One source (the common case): returned as it is, not copied.
  const present = parts.filter((part) => part !== undefined);
  if (present.length <= 1) return present[0];
  let merged: ProviderMetadata | undefined;
  for (const part of present) {
    if (!part) continue;
    merged ??= {};
    for (const [key, value] of Object.entries(part)) merged[key] = Object.assign({}, merged[key], value);
  }
  return merged;
}
