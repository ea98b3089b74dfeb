/**
 * Reads a whole body, or returns undefined once it passes `maxBytes` (after
 * cancelling the rest without waiting: some fetch implementations, msw's
 * interceptor among them, settle `cancel()` only when the body ends).
 * Read errors (a reset connection) are thrown as they come.
 */
export async function readBodyAtMost(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      discardBody(reader);
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const data = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return data;
}

/** Cancels a body or reader without waiting for it (see {@link readBodyAtMost}). */
export function discardBody(body: { cancel(): Promise<void> } | null | undefined): void {
  body?.cancel().catch(() => {});
}
