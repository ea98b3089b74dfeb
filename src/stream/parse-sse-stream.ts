import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { NetworkError } from '../errors/network-error.js';
import { redactSecrets } from '../http/redact.js';
import { READ_PARTS, type PartBatchSource } from './read-parts.js';

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
 * multi-byte character split across chunks stays whole),
 * `eventsource-parser`, then the provider's handler. Cancelling the result
 * cancels the body, which aborts the request. A failure to read the body (a
 * connection reset mid-stream, a broken gzip encoding) becomes a
 * `NetworkError` instead of the runtime's untyped `TypeError`; an abort or
 * timeout passes through as is.
 *
 * Parts are collected per network chunk: `streamText` takes them a batch at a
 * time (READ_PARTS, see read-parts.ts); any other reader gets a standard
 * pull-based `ReadableStream`. Not `body.pipeThrough(new TransformStream())`:
 * profiled over the referee's 20k-chunk stream, the pipe's writable side and
 * per-chunk promises cost more CPU than the parsing.
 */
export function parseSseStream<T>(
  body: ReadableStream<Uint8Array>,
  handler: SseHandler<T>,
  options: { provider: string; maxEventChars?: number; url?: string; method?: string; secrets?: readonly string[] },
): ReadableStream<T> & PartBatchSource<T> {
  const decoder = new TextDecoder();
  const maxEventChars = options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS;
  const secrets = options.secrets ?? [];
  const reader = body.getReader();
  let buffer: T[] = [];
  /** The body ended (or the handler terminated it): nothing more will be buffered. */
  let ended = false;
  let cancelled = false;
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    // As when a TransformStream errors: parts not yet read are dropped with it.
    failure ??= { error };
    ended = true;
    buffer = [];
    reader.cancel(error).catch(() => {});
  };
  // The provider-facing controller keeps the TransformStream shape the handlers were written against.
  const controller: TransformStreamDefaultController<T> = {
    get desiredSize() {
      return buffer.length === 0 ? 1 : 0;
    },
    enqueue(part: T) {
      buffer.push(part);
    },
    error: fail,
    terminate() {
      ended = true;
      reader.cancel().catch(() => {});
    },
  };
  let pendingChars = 0;
  const parser = createParser({
    onEvent(event) {
      pendingChars = 0;
      // An event that echoes a credential (an error frame quoting the request) is scrubbed before anything can keep it;
      // the common event (no secret in it) is passed on as it is, with no copy.
      const data = secrets.length > 0 ? redactSecrets(event.data, secrets) : event.data;
      handler.onEvent(data === event.data ? event : { ...event, data }, controller);
    },
  });
  const feed = (text: string) => {
    pendingChars += text.length;
    if (pendingChars > maxEventChars) {
      throw new InvalidResponseError({ provider: options.provider, message: `a server-sent event is longer than ${maxEventChars} characters` });
    }
    parser.feed(text);
  };
  /** Reads network chunks until a part is buffered or the body ends. */
  const fill = async () => {
    try {
      while (buffer.length === 0 && !ended) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch (error) {
          const name = (error as { name?: unknown } | null)?.name;
          if (name === 'AbortError' || name === 'TimeoutError') throw error;
          throw new NetworkError({ provider: options.provider, url: options.url ?? '(stream)', method: options.method ?? 'POST', cause: error, phase: 'while reading the response stream' });
        }
        if (cancelled) return;
        if (result.done) {
          const rest = decoder.decode();
          if (rest) feed(rest);
          handler.onEnd?.(controller);
          ended = true;
        } else {
          feed(decoder.decode(result.value, { stream: true }));
        }
      }
    } catch (error) {
      fail(error);
    }
  };
  const take = (): T[] | undefined => {
    if (failure) throw failure.error;
    if (buffer.length === 0) return undefined;
    const parts = buffer;
    buffer = [];
    return parts;
  };
  const stream = new ReadableStream<T>(
    {
      async pull(streamController) {
        if (buffer.length === 0) await fill();
        const parts = take();
        if (parts) for (const part of parts) streamController.enqueue(part);
        else if (ended) streamController.close();
      },
      cancel(reason) {
        cancelled = ended = true;
        buffer = [];
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return Object.assign(stream, {
    async [READ_PARTS]() {
      if (buffer.length === 0) await fill();
      return take();
    },
  });
}
