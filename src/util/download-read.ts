import { readStreamCapped, ResponseTooLargeError } from '../http/read-body.js';

/**
 * Reads a whole body, or returns undefined once it passes `maxBytes` (the
 * rest is cancelled without waiting: some fetch implementations, msw's
 * interceptor among them, settle `cancel()` only when the body ends).
 * Read errors (a reset connection) are thrown as they come.
 */
export async function readBodyAtMost(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array(0);
  try {
    return await readStreamCapped(body, maxBytes);
  } catch (error) {
    if (error instanceof ResponseTooLargeError) return undefined;
    throw error;
  }
}

/** Cancels a body or reader without waiting for it (see {@link readBodyAtMost}). */
export function discardBody(body: { cancel(): Promise<void> } | null | undefined): void {
  body?.cancel().catch(() => {});
}
