import type { Readable } from 'node:stream';

/**
 * A Node response body as a web `ReadableStream`, with backpressure both ways:
 * the Node stream is paused while the web queue is full (undici then stops
 * reading the socket), and cancelling the web stream destroys the body, which
 * makes undici close the socket mid-response.
 *
 * Hand-rolled rather than `Readable.toWeb`: that adapter sizes its queue in
 * bytes with a 16 KiB high-water mark and runs a per-chunk size function; here
 * one queued chunk is enough, because the Node stream already buffers 64 KiB.
 */
export function nodeBodyToWebStream(body: Readable): ReadableStream<Uint8Array<ArrayBuffer>> {
  let settled = false;
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      body.on('data', (chunk: Uint8Array) => {
        if (settled) return;
        // A view, not a copy: callers get the plain Uint8Array that fetch hands out, never a Buffer.
        controller.enqueue(new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) body.pause();
      });
      body.once('end', () => {
        if (settled) return;
        settled = true;
        controller.close();
      });
      body.once('error', (error) => {
        if (settled) return;
        settled = true;
        controller.error(error);
      });
    },
    pull() {
      body.resume();
    },
    cancel() {
      settled = true;
      // An 'error' listener stays attached so undici's abort error is not unhandled.
      body.destroy();
    },
  });
}
