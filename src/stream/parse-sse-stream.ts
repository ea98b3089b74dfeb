import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { NetworkError } from '../errors/network-error.js';

/** One server-sent event: `event` is undefined for plain `data:` frames. */
export type SseEvent = EventSourceMessage;

/** How a provider turns SSE events into its own parts. */
export interface SseHandler<T> {
  /** Called per event; enqueue zero or more parts. Throwing errors the stream. */
  onEvent(event: SseEvent, controller: TransformStreamDefaultController<T>): void;
  /** Called once when the body ends normally (emit the final part here). */
  onEnd?(controller: TransformStreamDefaultController<T>): void;
}

/** 16 Mi characters: far above any real event, low enough to stop a stream that never ends an event. */
const DEFAULT_MAX_EVENT_CHARS = 16 * 1024 * 1024;

/**
 * The body, with a failure to read it (a connection reset mid-stream, a
 * broken gzip encoding) turned into a `NetworkError` instead of the
 * runtime's untyped `TypeError`. An abort or timeout passes through as is.
 */
function typedBodyErrors(body: ReadableStream<Uint8Array>, options: { provider: string; url?: string; method?: string }): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch (error) {
          const name = (error as { name?: unknown } | null)?.name;
          if (name === 'AbortError' || name === 'TimeoutError') throw error;
          throw new NetworkError({
            provider: options.provider,
            url: options.url ?? '(stream)',
            method: options.method ?? 'POST',
            cause: error,
            phase: 'while reading the response stream',
          });
        }
        if (result.done) controller.close();
        else controller.enqueue(result.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/**
 * Parses an SSE body into provider parts in one `TransformStream`: a streaming
 * `TextDecoder` (a multi-byte character split across chunks stays whole),
 * `eventsource-parser`, then the provider's handler. Cancelling the result
 * cancels the body, which aborts the request.
 */
export function parseSseStream<T>(
  body: ReadableStream<Uint8Array>,
  handler: SseHandler<T>,
  options: { provider: string; maxEventChars?: number; url?: string; method?: string },
): ReadableStream<T> {
  const decoder = new TextDecoder();
  const maxEventChars = options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS;
  let controller!: TransformStreamDefaultController<T>;
  let pendingChars = 0;
  const parser = createParser({
    onEvent(event) {
      pendingChars = 0;
      handler.onEvent(event, controller);
    },
  });
  const feed = (text: string) => {
    pendingChars += text.length;
    if (pendingChars > maxEventChars) {
      throw new InvalidResponseError({
        provider: options.provider,
        message: `a server-sent event is longer than ${maxEventChars} characters`,
      });
    }
    parser.feed(text);
  };
  return typedBodyErrors(body, options).pipeThrough(
    new TransformStream<Uint8Array, T>({
      start(streamController) {
        controller = streamController;
      },
      transform(chunk) {
        feed(decoder.decode(chunk, { stream: true }));
      },
      flush() {
        const rest = decoder.decode();
        if (rest) feed(rest);
        handler.onEnd?.(controller);
      },
    }),
  );
}
