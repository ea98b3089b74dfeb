import { readFileSync } from 'node:fs';

/** Reads a `.chunks.txt` fixture: one SSE `data` payload per line. */
export function readChunks(path: string | URL): string[] {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
}

/** Reads a JSON fixture. */
export function readFixture(path: string | URL): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The wire bytes of an SSE stream for `payloads` (`data: …\n\n` each, or CRLF line ends). */
export function sseBytes(payloads: string[], options: { crlf?: boolean; comments?: boolean } = {}): Uint8Array {
  const eol = options.crlf ? '\r\n' : '\n';
  let text = options.comments ? `: keep-alive${eol}${eol}` : '';
  for (const payload of payloads) {
    text += `data: ${payload}${eol}${eol}`;
    if (options.comments) text += `: ping${eol}${eol}`;
  }
  return new TextEncoder().encode(text);
}

/**
 * A streaming body that sends `bytes` split at the given offsets, one chunk
 * per split; `onCancel` sees the client cancelling (a `break`, an abort).
 */
export function chunkedStream(bytes: Uint8Array, splits: number[] = [], onCancel?: (reason: unknown) => void): ReadableStream<Uint8Array> {
  const points = [0, ...splits.filter((point) => point > 0 && point < bytes.length).sort((a, b) => a - b), bytes.length];
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index >= points.length - 1) return controller.close();
      controller.enqueue(bytes.slice(points[index], points[index + 1]));
      index++;
    },
    cancel: onCancel,
  });
}

/** An SSE `Response` for msw handlers. */
export function sseResponse(body: ReadableStream<Uint8Array> | Uint8Array, init: ResponseInit = {}): Response {
  // TS 5.9's DOM lib types Uint8Array<ArrayBufferLike> as no BodyInit; the runtime accepts it.
  return new Response(body as BodyInit, { status: 200, ...init, headers: { 'content-type': 'text/event-stream; charset=utf-8', ...init.headers } });
}
