import type { FetchFunction } from '../../src/http/index.js';

/** What every AUTOMATIC1111 model of one provider instance shares. Built once per instance. */
export interface Automatic1111Config {
  /** Provider name for errors and metadata: `automatic1111.image`. */
  provider: string;
  /** The WebUI origin without credentials or a trailing slash; read per request. */
  baseURL(): string;
  /** Request headers, basic auth included; read per request. */
  headers(): Record<string, string | undefined>;
  /** Injected fetch. */
  fetch?: FetchFunction;
  /** How often `/sdapi/v1/progress` is polled while a generation runs, in ms. */
  progressIntervalMs: number;
}
