import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/**
 * The body decoded per its `content-encoding`, as `fetch` would hand it over.
 * The transport does not ask for compression (LLM replies are small or
 * streamed, and inflating them costs CPU for no gain on a fast link), so this
 * runs only when a caller set `accept-encoding` or a server compresses
 * unasked. An unknown coding is passed through untouched, as `fetch` does.
 */
export function decodeBody(body: Readable, contentEncoding: string | string[] | undefined): Readable {
  if (contentEncoding === undefined) return body;
  const codings = (Array.isArray(contentEncoding) ? contentEncoding.join(',') : contentEncoding)
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let decoded = body;
  // Codings are listed in the order they were applied, so they are undone from the last.
  for (const coding of codings.reverse()) {
    const decoder = coding === 'gzip' || coding === 'x-gzip' ? createGunzip() : coding === 'deflate' ? createInflate() : coding === 'br' ? createBrotliDecompress() : undefined;
    if (!decoder) return decoded;
    const source = decoded;
    source.once('error', (error) => decoder.destroy(error));
    // Destroying the decoded stream (a cancel) must reach the socket.
    decoder.once('close', () => source.destroy());
    decoded = source.pipe(decoder);
  }
  return decoded;
}
