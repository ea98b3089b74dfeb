import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { NetworkError } from '../errors/network-error.js';
import { redactSecrets } from '../http/redact.js';

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
 * Parses an SSE body into provider parts: a streaming `TextDecoder` (a
 * multi-byte character split across chunks stays whole), `eventsource-parser`,
 * then the provider's handler. Cancelling the result cancels the body, which
 * aborts the request. A failure to read the body (a connection reset
 * mid-stream, a broken gzip encoding) becomes a `NetworkError` instead of the
 * runtime's untyped `TypeError`; an abort or timeout passes through as is.
 *
 * One pull-based `ReadableStream` that reads the body itself, rather than
 * `body.pipeThrough(new TransformStream(...))`: profiled over a 20k-chunk
 * stream (bench/), the pipe's writable side and its per-chunk promises cost
 * more CPU than the parsing; a pull that feeds one network chunk and leaves its
 * events queued costs one `read()` per part.
 */
export function parseSseStream<T>(
  body: ReadableStream<Uint8Array>,
  handler: SseHandler<T>,
  options: { provider: string; maxEventChars?: number; url?: string; method?: string; secrets?: readonly string[] },
): ReadableStream<T> {
  const decoder = new TextDecoder();
  const maxEventChars = options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS;
  const secrets = options.secrets ?? [];
  const reader = body.getReader();
  let queued = 0;
  let terminated = false;
  let target!: ReadableStreamDefaultController<T>;
  // The provider-facing controller keeps the TransformStream shape the handlers were written against.
  const controller: TransformStreamDefaultController<T> = {
    get desiredSize() {
      return target.desiredSize;
    },
    enqueue(part: T) {
      queued++;
      target.enqueue(part);
    },
    error(reason?: unknown) {
      terminated = true;
      target.error(reason);
      reader.cancel(reason).catch(() => {});
    },
    terminate() {
      terminated = true;
      target.close();
      reader.cancel().catch(() => {});
    },
  };
  let pendingChars = 0;
  const parser = createParser({
    onEvent(event) {
      pendingChars = 0;
      // An event that echoes a credential (an error frame quoting the request) is scrubbed before anything can keep it.
      handler.onEvent(secrets.length > 0 ? { ...event, data: redactSecrets(event.data, secrets) } : event, controller);
    },
  });
  const feed = (text: string) => {
    pendingChars += text.length;
    if (pendingChars > maxEventChars) {
      throw new InvalidResponseError({ provider: options.provider, message: `a server-sent event is longer than ${maxEventChars} characters` });
    }
    parser.feed(text);
  };
  const read = async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    try {
      return await reader.read();
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'AbortError' || name === 'TimeoutError') throw error;
      throw new NetworkError({ provider: options.provider, url: options.url ?? '(stream)', method: options.method ?? 'POST', cause: error, phase: 'while reading the response stream' });
    }
  };
  return new ReadableStream<T>(
    {
      start(streamController) {
        target = streamController;
      },
      async pull() {
        // Called with the queue empty and a read waiting: feed chunks until a part is queued.
        const before = queued;
        try {
          while (queued === before && !terminated) {
            const { done, value } = await read();
            if (done) {
              const rest = decoder.decode();
              if (rest) feed(rest);
              handler.onEnd?.(controller);
              if (!terminated) target.close();
              terminated = true;
              return;
            }
            feed(decoder.decode(value, { stream: true }));
          }
        } catch (error) {
          terminated = true;
          reader.cancel(error).catch(() => {});
          throw error;
        }
      },
      cancel(reason) {
        terminated = true;
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
