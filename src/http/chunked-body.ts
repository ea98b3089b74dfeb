/**
 * A request body given as chunks to send one after the other: a transport
 * marked with this key (its `fetch` function has `[BODY_CHUNKS]: true`) takes
 * such a body and writes the chunks as they are, and `sendRequest` hands it
 * one instead of joining the chunks. The Node transport does: a 25 MB upload
 * then costs no copy of the audio (measured by `npm run bench:media`, where
 * joining it first took as long again as sending it over loopback).
 */
export const BODY_CHUNKS: unique symbol = Symbol.for('aigc.bodyChunks');

/** A body in chunks, see {@link BODY_CHUNKS}. */
export interface ChunkedBody {
  /** The chunks, in order. */
  readonly [BODY_CHUNKS]: readonly Uint8Array[];
  /** Their total length, sent as `content-length`. */
  readonly byteLength: number;
}

/** Whether `fetch` is a transport that writes a {@link ChunkedBody} as it is. */
export function acceptsChunkedBodies(fetch: unknown): boolean {
  return (fetch as { [BODY_CHUNKS]?: unknown } | undefined)?.[BODY_CHUNKS] === true;
}

/** Whether `body` is a {@link ChunkedBody}. */
export function isChunkedBody(body: unknown): body is ChunkedBody {
  return typeof body === 'object' && body !== null && Array.isArray((body as { [BODY_CHUNKS]?: unknown })[BODY_CHUNKS]);
}
