import { expect, vi } from 'vitest';
import type { FaultAdapter } from './adapter.js';
import type { FaultServer } from './fault-server.js';
import { findSecret } from './leaks.js';
import { abortListeners, settleResources, snapshotResources } from './resources.js';

/** What a case body gets from {@link runFaultCase}. */
export interface CaseTools {
  /** The caller signal every call uses by default; checked for leaked listeners afterwards. */
  caller: AbortController;
  /** Every error a call of the case ended with; scanned for the secret afterwards. */
  errors: unknown[];
}

/**
 * Runs one fault case and then checks what every case must leave behind: no
 * secret in any error or log line, no `abort` listener on the caller's
 * signal, no socket of the call still open and no handle above the baseline
 * (`process.getActiveResourcesInfo()`). Console output during the case is
 * captured (and scanned) instead of printed.
 */
export async function runFaultCase(server: FaultServer, secretForms: readonly string[], body: (tools: CaseTools) => Promise<void>): Promise<void> {
  server.destroySockets();
  server.reset(() => {
    throw new Error('the case set no handler');
  });
  const logged: unknown[][] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args)),
  );
  const tools: CaseTools = { caller: new AbortController(), errors: [] };
  const baseline = snapshotResources();
  try {
    await body(tools);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  for (const error of tools.errors) {
    expect(findSecret(error, secretForms), `secret in the error: ${String(error)} rawValue=${JSON.stringify((error as { rawValue?: unknown }).rawValue)}`).toEqual([]);
  }
  expect(findSecret(logged, secretForms), 'secret in a log line').toEqual([]);
  expect(abortListeners(tools.caller.signal), 'abort listeners left on the caller signal').toBe(0);
  const leftover = await settleResources(server, baseline);
  server.destroySockets();
  expect(leftover, 'sockets, timers or handles left after the call settled').toEqual([]);
}

/** Serves the adapter's auxiliary routes (a token exchange) on the fault server for this case. */
export function serveAuxiliaryRoutes(server: FaultServer, adapter: FaultAdapter, secret: string): void {
  for (const route of adapter.auxiliaryRoutes?.(secret) ?? []) {
    server.serveAuxiliary(route.match, (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(route.body);
    });
  }
}

/** Waits (up to 1 s) until the client closed the socket of an unfinished response, failing if it does not. */
export async function expectHangup(server: FaultServer): Promise<void> {
  const deadline = performance.now() + 1_000;
  while (server.clientHangups === 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(server.clientHangups, 'the client closed the socket of the unfinished response').toBeGreaterThanOrEqual(1);
}
