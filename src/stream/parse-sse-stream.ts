import { createParser, type EventSourceMessage, type EventSourceParser } from 'eventsource-parser';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { NetworkError } from '../errors/network-error.js';
import { containsAny, detectionNeedles, redactSecrets } from '../http/redact.js';
import { BYTE_CHUNKS, PART_BATCHES, type ByteChunkSource, type PartBatchReader } from './read-parts.js';

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
 * time (PART_BATCHES, see read-parts.ts); any other reader gets a standard
 * pull-based `ReadableStream`. Not `body.pipeThrough(new TransformStream())`:
 * profiled over the referee's 20k-chunk stream, the pipe's writable side and
 * per-chunk promises cost more CPU than the parsing.
 */
export function parseSseStream<T>(
  body: ReadableStream<Uint8Array>,
  handler: SseHandler<T>,
  options: { provider: string; maxEventChars?: number; url?: string; method?: string; secrets?: readonly string[] },
): ReadableStream<T> & { [PART_BATCHES]: PartBatchReader<T> } {
  const chunks = (body as ReadableStream<Uint8Array> & { [BYTE_CHUNKS]?: ByteChunkSource })[BYTE_CHUNKS];
  const source = new SseParts(body.getReader(), chunks, handler, options);
  const stream = new ReadableStream<T>(source, { highWaterMark: 0 }) as ReadableStream<T> & { [PART_BATCHES]: PartBatchReader<T> };
  stream[PART_BATCHES] = source;
  return stream;
}

/** The stream whose text the parser is being fed (feeding is synchronous). */
let feeding: { onEvent(event: SseEvent): void } | undefined;

/**
 * One callback object for every parser: the event goes to the stream being
 * fed. A closure per stream made the parser's call site see a new target in
 * each stream, and V8 deoptimised and recompiled the parser's hot loop for
 * the first few streams of every process (`--trace-deopt`, referee stream scenario).
 */
const PARSER_CALLBACKS = {
  onEvent(event: SseEvent): void {
    feeding!.onEvent(event);
  },
};

/**
 * The parser state of one stream: the underlying source of the public stream
 * and, for the provider's handler, its TransformStream-shaped controller. A
 * class rather than closures, so that every stream runs the same optimised
 * methods.
 */
class SseParts<T> implements UnderlyingDefaultSource<T>, TransformStreamDefaultController<T>, PartBatchReader<T> {
  private buffer: T[] = [];
  /** The body ended (or the handler terminated it): nothing more will be buffered. */
  private ended = false;
  private cancelled = false;
  private failure: { error: unknown } | undefined = undefined;
  private pendingChars = 0;
  private readonly decoder = new TextDecoder();
  private readonly parser: EventSourceParser;
  private readonly maxEventChars: number;
  private readonly secrets: readonly string[];
  /** What one search per event looks for (see detectionNeedles): every event is checked, few hold a secret. */
  private readonly needles: readonly string[];

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    /** The body's direct lane when it has one (see BYTE_CHUNKS); the reader then only holds the lock. */
    private readonly chunks: ByteChunkSource | undefined,
    private readonly handler: SseHandler<T>,
    private readonly options: { provider: string; maxEventChars?: number; url?: string; method?: string; secrets?: readonly string[] },
  ) {
    this.maxEventChars = options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS;
    this.secrets = options.secrets ?? [];
    this.needles = detectionNeedles(this.secrets);
    this.parser = createParser(PARSER_CALLBACKS);
  }

  get desiredSize(): number {
    return this.buffer.length === 0 ? 1 : 0;
  }

  enqueue(part: T): void {
    this.buffer.push(part);
  }

  error(reason?: unknown): void {
    // As when a TransformStream errors: parts not yet read are dropped with it.
    this.failure ??= { error: reason };
    this.ended = true;
    this.buffer = [];
    this.reader.cancel(reason).catch(() => {});
  }

  terminate(): void {
    this.ended = true;
    this.reader.cancel().catch(() => {});
  }

  async pull(controller: ReadableStreamDefaultController<T>): Promise<void> {
    if (this.buffer.length === 0) await this.fill();
    const parts = this.take();
    if (parts) for (const part of parts) controller.enqueue(part);
    else if (this.ended) controller.close();
  }

  cancel(reason: unknown): Promise<void> {
    this.cancelled = this.ended = true;
    this.buffer = [];
    return this.reader.cancel(reason);
  }

  async readParts(): Promise<T[] | undefined> {
    if (this.buffer.length === 0) await this.fill();
    return this.take();
  }

  /** Called by the parser, through {@link PARSER_CALLBACKS}, while this stream feeds it. */
  onEvent(event: SseEvent): void {
    this.pendingChars = 0;
    // An event that echoes a credential (an error frame quoting the request) is scrubbed before anything can keep it;
    // the common event (no secret in it) is passed on as it is, with no copy.
    const data = containsAny(event.data, this.needles) ? redactSecrets(event.data, this.secrets) : event.data;
    this.handler.onEvent(data === event.data ? event : Object.assign({}, event, { data }), this);
  }

  private feed(text: string): void {
    this.pendingChars += text.length;
    if (this.pendingChars > this.maxEventChars) {
      throw new InvalidResponseError({ provider: this.options.provider, message: `a server-sent event is longer than ${this.maxEventChars} characters` });
    }
    const previous = feeding;
    feeding = this;
    try {
      this.parser.feed(text);
    } finally {
      feeding = previous;
    }
  }

  /** Reads network chunks until a part is buffered or the body ends. */
  private async fill(): Promise<void> {
    try {
      while (this.buffer.length === 0 && !this.ended) {
        const chunk = await this.read();
        if (this.cancelled) return;
        if (chunk === undefined) {
          const rest = this.decoder.decode();
          if (rest) this.feed(rest);
          this.handler.onEnd?.(this);
          this.ended = true;
        } else {
          this.feed(this.decoder.decode(chunk, { stream: true }));
        }
      }
    } catch (error) {
      this.error(error);
    }
  }

  private async read(): Promise<Uint8Array | undefined> {
    try {
      if (this.chunks) return await this.chunks.readChunk();
      const result = await this.reader.read();
      return result.done ? undefined : result.value;
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'AbortError' || name === 'TimeoutError') throw error;
      const { provider, url, method } = this.options;
      throw new NetworkError({ provider, url: url ?? '(stream)', method: method ?? 'POST', cause: error, phase: 'while reading the response stream' });
    }
  }

  private take(): T[] | undefined {
    if (this.failure) throw this.failure.error;
    if (this.buffer.length === 0) return undefined;
    const parts = this.buffer;
    this.buffer = [];
    return parts;
  }
}
