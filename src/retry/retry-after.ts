const MAX_SERVER_DELAY_MS = 60_000;

/**
 * The delay the server asked for, in ms, or undefined when it asked for none
 * or for something outside 0–60 s (openai-node's rule: a longer wait means
 * "come back later", not "retry now").
 */
export function retryAfterMs(headers: Record<string, string> | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers['retry-after-ms'];
  if (ms !== undefined) {
    const value = Number.parseFloat(ms);
    if (Number.isFinite(value) && value >= 0 && value <= MAX_SERVER_DELAY_MS) return value;
  }
  const after = headers['retry-after'];
  if (after === undefined) return undefined;
  const seconds = Number(after.trim());
  let value: number;
  if (after.trim() !== '' && Number.isFinite(seconds)) value = seconds * 1000;
  else {
    const date = Date.parse(after);
    if (Number.isNaN(date)) return undefined;
    value = date - now;
  }
  return value >= 0 && value <= MAX_SERVER_DELAY_MS ? value : undefined;
}

/** `min(500 ms · 2^attempt, 8 s)` minus up to 25 % jitter, so clients that failed together do not retry together. */
export function backoffMs(attempt: number, random = Math.random()): number {
  return Math.min(500 * 2 ** attempt, 8_000) * (1 - random * 0.25);
}
