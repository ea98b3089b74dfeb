import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { JobFailedError } from '../errors/job-failed-error.js';
import { RetryError } from '../errors/retry-error.js';
import type { JobProgressEvent } from '../provider/image-model.js';
import { delay } from '../retry/delay.js';
import { backoffMs, retryAfterMs } from '../retry/retry-after.js';
import { createCallSignal } from '../util/call-signal.js';
import { attachJobId } from './attach-job-id.js';

/** What one poll found out about a job. */
export type JobPollResult<T> =
  | {
      /** Queued or running: runJob polls again. */
      state: 'pending' | 'running';
      /** The provider's status word (e.g. `IN_PROGRESS`, `queued`), passed to `onProgress`. */
      status: string;
      /** Fraction done, 0..1, when the provider reports it (convert percentages first). */
      progress?: number;
      /** A preview image URL, when the provider offers one while the job runs. */
      preview?: string;
    }
  | {
      /** Done: runJob resolves with `result`. */
      state: 'succeeded';
      /** The provider's status word. */
      status: string;
      /** Whatever the provider needs to build its model result (image URLs, base64, …). */
      result: T;
      /** A final preview URL, if any. */
      preview?: string;
    }
  | {
      /** Failed or cancelled on the provider's side: runJob throws `JobFailedError`. */
      state: 'failed';
      /** The provider's status word (e.g. `FAILURE`). */
      status: string;
      /** The provider's reason, for the error message. */
      reason?: string;
    };

/** Options of {@link runJob}. */
export interface RunJobOptions<T> {
  /** The provider and modality, e.g. `midjourney.image`; named in errors. */
  provider: string;
  /** An existing job to pick up again (`generateImage({ resume: { jobId } })`); `start` is then skipped and the first poll is immediate. */
  jobId?: string;
  /** Submits the job and returns its id. Not retried here: core's retry loop wraps the whole model call. */
  start?: (signal: AbortSignal | undefined) => Promise<string>;
  /** Asks the provider about the job. Throw `APICallError` (via sendRequest) for HTTP failures; retryable ones are retried. */
  poll: (jobId: string, signal: AbortSignal | undefined) => Promise<JobPollResult<T>>;
  /** Wait before the first poll of a new job and the starting interval, in ms; default 1000. */
  intervalMs?: number;
  /** The interval grows by half each poll up to this, in ms; default 5000 (or `intervalMs` when larger). */
  maxIntervalMs?: number;
  /** Gives up after this many ms with a `TimeoutError` `DOMException` naming the job; the job itself keeps running. */
  timeoutMs?: number;
  /** Stops polling; its reason is rethrown untouched. */
  abortSignal?: AbortSignal;
  /** Receives `{ jobId, status, progress, preview? }` once the job is submitted and whenever one of them changes. */
  onProgress?: (event: JobProgressEvent) => void;
  /** Consecutive retryable poll failures tolerated before giving up; default 5. */
  maxPollRetries?: number;
}

/** The settled job. */
export interface RunJobResult<T> {
  /** The provider's job id (also the parent for follow-up actions). */
  jobId: string;
  /** The `result` of the succeeding poll. */
  result: T;
}

const DEFAULT_INTERVAL_MS = 1_000;
const DEFAULT_MAX_INTERVAL_MS = 5_000;
const DEFAULT_MAX_POLL_RETRIES = 5;
const GROWTH = 1.5;

/**
 * Submits a long-running job (or resumes one by id) and polls it until it
 * succeeds or fails, for any submit-then-poll provider (Midjourney,
 * ERNIE-ViLG, Stability's async endpoints). Provider-agnostic: the provider
 * supplies `start` and `poll`, runJob owns the timing, progress events,
 * transient-error retries, timeout and abort.
 *
 * Errors carry the job id: `JobFailedError` when the provider reports a
 * failure; the poll's own error (with a `jobId` field) when it is not
 * retryable; a `RetryError` (with `jobId`, never retryable, so core does not
 * submit a second job) when transient poll failures persist; a `TimeoutError`
 * `DOMException` with `jobId` on `timeoutMs` or on a timeout of the caller's
 * signal. Any other abort reason is rethrown untouched.
 *
 * @example
 * const { jobId, result } = await runJob({
 *   provider: 'acme.image',
 *   jobId: options.resume?.jobId,
 *   start: async (signal) => (await submit(prompt, signal)).id,
 *   poll: async (id, signal) => {
 *     const task = await fetchTask(id, signal);
 *     if (task.status === 'SUCCESS') return { state: 'succeeded', status: 'succeeded', result: task.imageUrl };
 *     if (task.status === 'FAILURE') return { state: 'failed', status: 'failed', reason: task.failReason };
 *     return { state: 'running', status: task.status.toLowerCase(), progress: task.percent / 100 };
 *   },
 *   abortSignal: options.abortSignal,
 *   onProgress: options.onProgress,
 * });
 */
export async function runJob<T>(options: RunJobOptions<T>): Promise<RunJobResult<T>> {
  const intervalMs = positive(options.intervalMs, 'intervalMs') ?? DEFAULT_INTERVAL_MS;
  const maxIntervalMs = Math.max(positive(options.maxIntervalMs, 'maxIntervalMs') ?? DEFAULT_MAX_INTERVAL_MS, intervalMs);
  const timeoutMs = positive(options.timeoutMs, 'timeoutMs');
  const maxPollRetries = options.maxPollRetries ?? DEFAULT_MAX_POLL_RETRIES;
  if (options.jobId === undefined && options.start === undefined) {
    throw new InvalidArgumentError({ argument: 'jobId', message: 'runJob needs `start` or the `jobId` of a job to resume' });
  }
  if (options.jobId !== undefined && (typeof options.jobId !== 'string' || options.jobId === '')) {
    throw new InvalidArgumentError({ argument: 'resume.jobId', message: 'must be a non-empty string', value: options.jobId });
  }

  const callSignal = createCallSignal(options.abortSignal, timeoutMs);
  const signal = callSignal.signal;
  let jobId = options.jobId;
  try {
    const resumed = jobId !== undefined;
    jobId ??= await options.start!(signal);
    const reporter = createReporter(jobId, options.onProgress);
    reporter.report({ status: resumed ? 'resumed' : 'submitted', progress: resumed ? undefined : 0 });

    let wait = resumed ? 0 : intervalMs;
    let interval = intervalMs;
    let failures: unknown[] = [];
    for (;;) {
      if (wait > 0) await delay(wait, signal);
      let polled: JobPollResult<T>;
      try {
        polled = await options.poll(jobId, signal);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (!isRetryable(error)) throw error;
        failures.push(error);
        if (failures.length > maxPollRetries) {
          throw new RetryError({
            reason: 'maxRetriesExceeded',
            errors: failures,
            message: `Polling ${options.provider} job ${jobId} failed ${failures.length} times in a row: ${messageOf(error)}`,
          });
        }
        wait = retryAfterMs(headersOf(error)) ?? Math.max(backoffMs(failures.length - 1), interval);
        continue;
      }
      failures = [];
      if (polled.state === 'succeeded') {
        reporter.report({ status: polled.status, progress: 1, preview: polled.preview });
        return { jobId, result: polled.result };
      }
      if (polled.state === 'failed') {
        throw new JobFailedError({ provider: options.provider, jobId, status: polled.status, reason: polled.reason });
      }
      reporter.report({ status: polled.status, progress: polled.progress, preview: polled.preview });
      wait = interval;
      interval = Math.min(interval * GROWTH, maxIntervalMs);
    }
  } catch (error) {
    throw jobId === undefined ? error : attachJobId(error, jobId, options.provider, options.abortSignal);
  } finally {
    callSignal.dispose();
  }
}

/** Emits an event when status, progress or preview changes; progress never goes backwards. */
function createReporter(jobId: string, onProgress: ((event: JobProgressEvent) => void) | undefined) {
  let last: JobProgressEvent | undefined;
  return {
    report(update: { status: string; progress: number | undefined; preview?: string }) {
      if (!onProgress) return;
      let progress = update.progress === undefined || !Number.isFinite(update.progress)
        ? last?.progress
        : Math.min(1, Math.max(0, update.progress));
      if (progress !== undefined && last?.progress !== undefined && progress < last.progress) progress = last.progress;
      const event: JobProgressEvent = { jobId, status: update.status, progress };
      if (update.preview !== undefined) event.preview = update.preview;
      if (last && last.status === event.status && last.progress === event.progress && last.preview === event.preview) return;
      last = event;
      onProgress(event);
    },
  };
}

function positive(value: number | undefined, argument: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError({ argument, message: 'must be a positive number of milliseconds', value });
  }
  return value;
}

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { isRetryable?: unknown }).isRetryable === true;
}

function headersOf(error: unknown): Record<string, string> | undefined {
  return (error as { responseHeaders?: Record<string, string> }).responseHeaders;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
