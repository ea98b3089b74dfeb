import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { asString, createApiError, isRecord, type RequestContext } from '../../src/http/index.js';
import type { FinishReason, LanguageModelStreamPart, LanguageModelUsage, ProviderMetadata, Warning } from '../../src/provider/index.js';
import type { SseHandler } from '../../src/stream/parse-sse-stream.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import type { OpenAIMetadataExtractor } from './openai-config.js';
import { mapOpenAIUsage, mapResponseMetadata, mergeProviderMetadata } from './openai-chat-response.js';

type Controller = TransformStreamDefaultController<LanguageModelStreamPart>;

/**
 * Maps `chat.completion.chunk` events to stream parts. Tool-call arguments
 * arrive in fragments keyed by `index` and are emitted whole once the choice
 * finishes. A stream that ends with no `finish_reason` and no `[DONE]` was
 * cut off, and ends in an error part rather than a silent partial answer.
 */
export function createOpenAIChatStreamHandler(
  context: RequestContext,
  warnings: Warning[],
  collector?: ReturnType<OpenAIMetadataExtractor['fromStream']>,
): SseHandler<LanguageModelStreamPart> {
  let started = false;
  let sawMetadata = false;
  let finished = false;
  let sawDone = false;
  let failed = false;
  let finishReason: FinishReason = 'unknown';
  let usage: LanguageModelUsage = { inputTokens: undefined, outputTokens: undefined, totalTokens: undefined };
  let providerMetadata: ProviderMetadata | undefined;
  const toolCalls: Array<{ id: string; name: string; arguments: string } | undefined> = [];

  const fail = (controller: Controller, error: unknown) => {
    failed = true;
    controller.enqueue({ type: 'error', error });
  };

  const flushToolCalls = (controller: Controller) => {
    for (const call of toolCalls) {
      if (call) controller.enqueue({ type: 'tool-call', toolCallId: call.id, toolName: call.name, input: call.arguments });
    }
    toolCalls.length = 0;
  };

  return {
    onEvent(event, controller) {
      if (failed) return;
      if (event.data === '[DONE]') {
        sawDone = true;
        return;
      }
      let chunk: unknown;
      try {
        chunk = JSON.parse(event.data);
      } catch (cause) {
        return fail(controller, new InvalidResponseError({ provider: context.provider, message: 'an SSE event is not JSON', rawValue: event.data, cause }));
      }
      if (!isRecord(chunk)) return fail(controller, new InvalidResponseError({ provider: context.provider, message: 'an SSE event is not an object', rawValue: event.data }));
      if (chunk.error !== undefined || event.event === 'error') {
        return fail(controller, createApiError(context, { text: event.data, data: chunk }));
      }
      if (!started) {
        started = true;
        controller.enqueue({ type: 'stream-start', warnings });
      }
      // Azure opens with a prompt-filter chunk whose id, model and created are empty; take metadata from a real chunk.
      if (!sawMetadata && (asString(chunk.id) || asString(chunk.model))) {
        sawMetadata = true;
        controller.enqueue({ type: 'response-metadata', ...mapResponseMetadata(chunk) });
      }
      collector?.chunk(chunk);
      if (isRecord(chunk.usage)) usage = mapOpenAIUsage(chunk.usage);
      const fingerprint = asString(chunk.system_fingerprint);
      // Every chunk repeats it: build the metadata when it changes, not two objects per chunk.
      if (fingerprint && fingerprint !== providerMetadata?.openai?.systemFingerprint) providerMetadata = { openai: { systemFingerprint: fingerprint } };
      const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
      if (!isRecord(choice)) return;
      // Moonshot reports stream usage inside the last choice rather than in a usage chunk.
      if (!isRecord(chunk.usage) && isRecord(choice.usage)) usage = mapOpenAIUsage(choice.usage);
      const delta = isRecord(choice.delta) ? choice.delta : undefined;
      if (delta) {
        const reasoning = asString(delta.reasoning_content) ?? asString(delta.reasoning);
        if (reasoning) controller.enqueue({ type: 'reasoning-delta', text: reasoning });
        const text = asString(delta.content) ?? asString(delta.refusal);
        if (text) controller.enqueue({ type: 'text-delta', text });
        if (Array.isArray(delta.tool_calls)) {
          for (const fragment of delta.tool_calls) {
            if (!isRecord(fragment)) continue;
            const index = typeof fragment.index === 'number' ? fragment.index : toolCalls.length;
            const fn = isRecord(fragment.function) ? fragment.function : {};
            let call = toolCalls[index];
            if (!call) {
              call = { id: asString(fragment.id) ?? `call_${index}`, name: asString(fn.name) ?? '', arguments: '' };
              toolCalls[index] = call;
            } else if (!call.name && asString(fn.name)) call.name = asString(fn.name)!;
            const piece = asString(fn.arguments);
            if (piece) {
              call.arguments += piece;
              controller.enqueue({ type: 'tool-input-delta', toolCallId: call.id, toolName: call.name, delta: piece });
            }
          }
        }
      }
      if (choice.finish_reason !== null && choice.finish_reason !== undefined) {
        finished = true;
        finishReason = mapOpenAIFinishReason(choice.finish_reason);
        flushToolCalls(controller);
      }
    },
    onEnd(controller) {
      if (failed) return;
      if (!finished && !sawDone) {
        return fail(controller, new InvalidResponseError({ provider: context.provider, message: 'the stream ended before the response was complete (no finish_reason, no [DONE])' }));
      }
      if (!started) controller.enqueue({ type: 'stream-start', warnings });
      flushToolCalls(controller);
      controller.enqueue({ type: 'stream-end', finishReason, usage, providerMetadata: mergeProviderMetadata(providerMetadata, collector?.build()) });
    },
  };
}
