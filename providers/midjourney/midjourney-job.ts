import type { JobProgressEvent } from '../../src/provider/index.js';
import { runJob } from '../../src/jobs/index.js';
import type { MidjourneyConfig } from './midjourney-config.js';
import { fetchMidjourneyTask, toJobPoll, type MidjourneyTask } from './midjourney-task.js';

/** Options of {@link runMidjourneyJob}. */
export interface MidjourneyJobOptions {
  /** A job to pick up again; `start` is then not called. */
  jobId?: string;
  /** Submits the job and returns its id. */
  start?: (signal: AbortSignal | undefined) => Promise<string>;
  /** Stops polling; its reason is rethrown untouched. */
  abortSignal?: AbortSignal;
  /** Receives `{ jobId, status, progress, preview }`. */
  onProgress?: (event: JobProgressEvent) => void;
  /** Per-call headers. */
  headers?: Record<string, string | undefined>;
  /** Fixed poll interval, overriding the provider setting. */
  pollIntervalMs?: number;
  /** Gives up polling after this many ms (the job keeps running on the proxy). */
  timeoutMs?: number;
}

/** Submits (or resumes) a proxy task and polls `/task/{id}/fetch` through the job engine until it succeeds. */
export async function runMidjourneyJob(
  config: MidjourneyConfig,
  options: MidjourneyJobOptions,
): Promise<{ jobId: string; task: MidjourneyTask; headers: Headers | undefined }> {
  const interval = options.pollIntervalMs ?? config.pollIntervalMs;
  let headers: Headers | undefined;
  const { jobId, result } = await runJob<MidjourneyTask>({
    provider: config.provider,
    jobId: options.jobId,
    start: options.start,
    poll: async (id, signal) => {
      const fetched = await fetchMidjourneyTask(config, id, { abortSignal: signal, headers: options.headers });
      headers = fetched.headers;
      return toJobPoll(fetched.task);
    },
    // A fixed interval when one is set; otherwise the engine's 1 s growing to 5 s suits an imagine (30-90 s).
    intervalMs: interval,
    maxIntervalMs: interval,
    timeoutMs: options.timeoutMs,
    abortSignal: options.abortSignal,
    onProgress: options.onProgress,
  });
  return { jobId, task: result, headers };
}
