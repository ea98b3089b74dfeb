import type { FetchFunction } from '../../src/http/index.js';

/** What every Stability AI model of one provider instance shares. Built once per instance. */
export interface StabilityConfig {
  /** Provider name for errors and metadata: `stability.image`. */
  provider: string;
  /** The API origin without a trailing slash, e.g. `https://api.stability.ai`; read per request. */
  baseURL(): string;
  /** Request headers, credentials included; read per request so keys can rotate. */
  headers(): Record<string, string | undefined>;
  /** Injected fetch. */
  fetch?: FetchFunction;
}
