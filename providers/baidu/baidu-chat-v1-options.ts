import { isRecord } from '../../src/http/index.js';
import { parseBaiduOptions } from './parse-baidu-options.js';

/** `providerOptions.baidu` for the v1 (wenxinworkshop) chat API. */
export interface BaiduChatV1Options {
  /** Repetition penalty, 1.0–2.0 (`penalty_score`). */
  penaltyScore?: number;
  /** Turn off ERNIE's built-in web search (`disable_search`). */
  disableSearch?: boolean;
  /** Add citation marks when search was used (`enable_citation`). */
  enableCitation?: boolean;
  /** Your end user's id (`user_id`). */
  userId?: string;
  /** Extra top-level wire fields sent as they are (`enable_trace`, `user_setting`, …), like `extraBody` on v2. */
  extraBody?: Record<string, unknown>;
}

const CHECKS: Record<keyof BaiduChatV1Options, (value: unknown) => boolean> = {
  penaltyScore: (value) => typeof value === 'number' && value >= 1 && value <= 2,
  disableSearch: (value) => typeof value === 'boolean',
  enableCitation: (value) => typeof value === 'boolean',
  userId: (value) => typeof value === 'string',
  extraBody: (value) => isRecord(value),
};

/** Validates `providerOptions.baidu` for v1 chat; unknown keys are rejected so typos do not pass silently. */
export function parseBaiduChatV1Options(value: unknown): BaiduChatV1Options {
  return parseBaiduOptions(value, CHECKS, 'v1 chat');
}
