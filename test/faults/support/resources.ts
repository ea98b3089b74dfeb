import { getEventListeners } from 'node:events';
import type { FaultServer } from './fault-server.js';

/** Counts of `process.getActiveResourcesInfo()` by kind (`TCPSocketWrap`, `Timeout`, …). */
export type ResourceSnapshot = Record<string, number>;

/** The active handles and requests now, by kind. */
export function snapshotResources(): ResourceSnapshot {
  const counts: ResourceSnapshot = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Kinds that are above `baseline` in `now`, as `kind: before → after`. */
export function resourceExcess(baseline: ResourceSnapshot, now: ResourceSnapshot): string[] {
  const excess: string[] = [];
  for (const [kind, count] of Object.entries(now)) {
    if (count > (baseline[kind] ?? 0)) excess.push(`${kind}: ${baseline[kind] ?? 0} → ${count}`);
  }
  return excess;
}

/**
 * Waits (up to `withinMs`) until every socket that carried a request of the
 * case is closed by the client and the process has no more active handles
 * than at `baseline`; returns what is still open, or an empty list. Idle
 * spare connections a pool opened without a request are closed first (see
 * {@link FaultServer.destroyIdleSockets}). Closing completes on a later turn
 * of the event loop, hence the wait.
 */
export async function settleResources(server: FaultServer, baseline: ResourceSnapshot, withinMs = 2_000): Promise<string[]> {
  const deadline = performance.now() + withinMs;
  for (;;) {
    const excess: string[] = [];
    if (server.openSockets > 0) excess.push(`sockets of the call still open: ${server.openSockets}`);
    else {
      server.destroyIdleSockets();
      excess.push(...resourceExcess(baseline, snapshotResources()));
    }
    if (excess.length === 0 || performance.now() > deadline) return excess;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** `abort` listeners still registered on the caller's signal (a leak if the call settled). */
export function abortListeners(signal: AbortSignal): number {
  return getEventListeners(signal, 'abort').length;
}
