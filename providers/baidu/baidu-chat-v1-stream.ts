import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { asString, createApiError, isRecord, type RequestContext } from '../../src/http/index.js';
import type { FinishReason, LanguageModelStreamPart, LanguageModelUsage, ProviderMetadata, Warning } from '../../src/provider/index.js';
import type { SseHandler } from '../../src/stream/parse-sse-stream.js';
import { isBaiduErrorBody } from './baidu-error.js';
import { mapBaiduFunctionCall, mapBaiduResponseMetadata, mapBaiduUsage, mapBaiduV1FinishReason, mapBaiduV1Metadata } from './baidu-chat-v1-response.js';

type Controller = TransformStreamDefaultController<LanguageModelStreamPart>;

/**
 * Maps v1 stream frames (`{result, is_end, usage}`, each `result` an
 * increment) to parts. v1 sends no `[DONE]`: the frame with `is_end: true`
 * ends the answer, and a body that closes before it was cut off and ends in
 * an error part. An `error_code` frame is an error part too.
 */
export function createBaiduV1StreamHandler(context: RequestContext, warnings: Warning[]): SseHandler<LanguageModelStreamPart> {
  let started = false;
  let ended = false;
  let failed = false;
  let calls = 0;
  let finishReason: FinishReason = 'stop';
  let usage: LanguageModelUsage = { inputTokens: undefined, outputTokens: undefined, totalTokens: undefined };
  let providerMetadata: ProviderMetadata | undefined;

  const fail = (controller: Controller, error: unknown) => {
    failed = true;
    controller.enqueue({ type: 'error', error });
  };

  return {
    onEvent(event, controller) {
      if (failed || ended) return;
      let chunk: unknown;
      try {
        chunk = JSON.parse(event.data);
      } catch (cause) {
        return fail(controller, new InvalidResponseError({ provider: context.provider, message: 'an SSE event is not JSON', rawValue: event.data, cause }));
      }
      if (isBaiduErrorBody(chunk)) return fail(controller, createApiError(context, { text: event.data, data: chunk }));
      if (!isRecord(chunk)) return fail(controller, new InvalidResponseError({ provider: context.provider, message: 'an SSE event is not an object', rawValue: event.data }));
      if (!started) {
        started = true;
        controller.enqueue({ type: 'stream-start', warnings });
        controller.enqueue({ type: 'response-metadata', ...mapBaiduResponseMetadata(chunk) });
      }
      const text = asString(chunk.result);
      if (text) controller.enqueue({ type: 'text-delta', text });
      const call = mapBaiduFunctionCall(chunk, calls);
      if (call) {
        calls++;
        controller.enqueue({ type: 'tool-input-delta', toolCallId: call.toolCallId, toolName: call.toolName, delta: call.input });
        controller.enqueue(call);
      }
      if (isRecord(chunk.usage)) usage = mapBaiduUsage(chunk.usage);
      providerMetadata = mapBaiduV1Metadata(chunk) ?? providerMetadata;
      if (chunk.is_end === true || chunk.need_clear_history === true) {
        ended = true;
        finishReason = mapBaiduV1FinishReason(chunk, calls > 0);
      }
    },
    onEnd(controller) {
      if (failed) return;
      if (!ended) {
        return fail(controller, new InvalidResponseError({ provider: context.provider, message: 'the stream ended before the frame with is_end: true' }));
      }
      controller.enqueue({ type: 'stream-end', finishReason, usage, providerMetadata });
    },
  };
}
