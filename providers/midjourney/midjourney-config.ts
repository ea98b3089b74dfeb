import type { FetchFunction } from '../../src/http/index.js';

/** Which submit endpoints a proxy offers for follow-up actions; see {@link MidjourneyProviderSettings.api}. */
export type MidjourneyApi = 'auto' | 'open-source' | 'plus';

/** What every model and method of one Midjourney provider instance shares. Built once per instance. */
export interface MidjourneyConfig {
  /** Provider name for errors and metadata, `midjourney.image`. */
  provider: string;
  /** The proxy's `…/mj` prefix without a trailing slash; read per request so the env can change. */
  baseURL(): string;
  /** Request headers, `mj-api-secret` included when set. */
  headers(): Record<string, string | undefined>;
  /** Injected fetch. */
  fetch?: FetchFunction;
  /** Fixed poll interval in ms; undefined lets the job engine back off from 1 s to 5 s. */
  pollIntervalMs?: number;
  /** The default endpoint style for actions. */
  api: MidjourneyApi;
}
