import type { AuxiliaryRoute } from './adapter.js';

/** fast-check runs per property: 1,000 by default (CI), `FUZZ_RUNS=100000` locally. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);

/** A seed to replay a failure: `FUZZ_SEED=… npm run test:faults`. */
export const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** `bytes` as a body that arrives in one chunk per split point, like packets off a socket. */
export function splitBody(bytes: Uint8Array, splits: number[]): ReadableStream<Uint8Array> {
  const points = [...new Set([0, ...splits.map((split) => split % (bytes.length + 1)), bytes.length])].sort((a, b) => a - b);
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index >= points.length - 1) return controller.close();
      controller.enqueue(bytes.slice(points[index], points[index + 1]));
      index++;
    },
  });
}

/**
 * An in-memory `fetch`: target requests get `respond()`, auxiliary routes
 * (a token exchange) the adapter's handler. Keeps 100,000 fuzz runs fast.
 */
export function memoryFetch(respond: () => Response, auxiliary: AuxiliaryRoute[] = []): typeof globalThis.fetch {
  return async (input) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const aux = auxiliary.find((route) => route.match(url.pathname));
    if (aux) return new Response(aux.body, { status: 200, headers: { 'content-type': 'application/json' } });
    return respond();
  };
}
