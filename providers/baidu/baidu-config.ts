import type { FetchFunction } from '../../src/http/index.js';
import type { BaiduAccessTokenSource } from './baidu-access-token.js';

/** What every Baidu model of one provider instance shares. Built once per instance; settings are read at call time. */
export interface BaiduConfig {
  /** Base URLs per Baidu host, without a trailing slash: Qianfan (v2), AIP (OAuth, v1 chat, ERNIE-ViLG), TTS, ASR. */
  baseURLs: {
    qianfan(): string;
    aip(): string;
    tts(): string;
    asr(): string;
  };
  /** Injected fetch. */
  fetch?: FetchFunction;
  /** The provider's extra headers. */
  headers(): Record<string, string | undefined>;
  /** The Qianfan v2 bearer key; throws `LoadAPIKeyError` when missing. */
  apiKey(): string;
  /** Whether a Qianfan v2 key is configured (settings or environment). */
  hasApiKey(): boolean;
  /** Whether both v1 credentials (`clientId`, `clientSecret`) are configured. */
  hasClientCredentials(): boolean;
  /** OAuth access tokens for v1 chat, ERNIE-ViLG and speech. */
  accessToken: BaiduAccessTokenSource;
  /** The `cuid` (client id) speech requests carry. */
  cuid: string;
  /** Cap on a JSON response body in bytes, and on one event of a stream (default 64 MiB). */
  maxResponseBytes?: number;
}
