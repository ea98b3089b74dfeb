import { asNumber, asString, createApiError, isRecord } from '../../src/http/index.js';
import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import type { MidjourneyConfig } from './midjourney-config.js';
import { requestMidjourney, type MidjourneyRequestOptions } from './midjourney-request.js';

/** An accepted submit: the job id and how the proxy took it. */
export interface MidjourneySubmitResult {
  /** The task id to poll. */
  jobId: string;
  /** 1 submitted, 21 already exists (the existing task's id), 22 queued. */
  code: 1 | 21 | 22;
  /** The proxy's `properties` (`numberOfQueues`, `discordInstanceId`, …). */
  properties: Record<string, unknown>;
}

// https://github.com/novicezk/midjourney-proxy ReturnCode: 1 success, 21 exists, 22 in queue.
const ACCEPTED = new Set([1, 21, 22]);

/**
 * POSTs to a `/submit/*` endpoint and returns the task id. The proxy reports
 * refusals inside a 200 body (`{code, description}`); every code but 1, 21 and
 * 22 becomes an `APICallError` carrying that code (23, queue full, is retryable).
 */
export async function submitMidjourney(config: MidjourneyConfig, options: MidjourneyRequestOptions & { body: Record<string, unknown> }): Promise<MidjourneySubmitResult> {
  const { data, context } = await requestMidjourney(config, options);
  if (!isRecord(data)) {
    throw new InvalidResponseError({ provider: config.provider, message: `${options.path} returned no submit result`, rawValue: data });
  }
  const code = asNumber(data.code);
  const jobId = asString(data.result) ?? (asNumber(data.result) === undefined ? undefined : String(data.result));
  if (code === undefined || !ACCEPTED.has(code)) {
    throw createApiError(context, { text: JSON.stringify(data), data, isRetryable: code === 23 });
  }
  if (!jobId) {
    throw new InvalidResponseError({ provider: config.provider, message: `${options.path} accepted the job (code ${code}) but returned no task id`, rawValue: data });
  }
  return { jobId, code: code as 1 | 21 | 22, properties: isRecord(data.properties) ? data.properties : {} };
}
