import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { NoContentGeneratedError } from '../../src/errors/no-content-generated-error.js';
import type { JobProgressEvent } from '../../src/provider/index.js';
import type { MidjourneyConfig } from './midjourney-config.js';
import { toMidjourneyDataUrl } from './midjourney-image-input.js';
import { runMidjourneyJob } from './midjourney-job.js';
import { submitMidjourney } from './midjourney-submit.js';

/** Options of `midjourney.describe`. */
export interface MidjourneyDescribeOptions {
  /** The image: bytes, base64 or a data URL (the proxy uploads it to Discord, so not a web URL). Required unless `resume` is given. */
  image?: Uint8Array | string;
  /** Its media type; sniffed from bytes when omitted. */
  mediaType?: string;
  /** Poll an existing describe job instead of submitting one. */
  resume?: { jobId: string };
  /** Receives `{ jobId, status, progress }`. */
  onProgress?: (event: JobProgressEvent) => void;
  /** Stops the call; its reason is rethrown. */
  abortSignal?: AbortSignal;
  /** Gives up polling after this many ms (a `TimeoutError` naming the job, which keeps running). */
  timeout?: number;
  /** Extra headers. */
  headers?: Record<string, string | undefined>;
  /** A webhook URL the proxy POSTs task updates to. */
  notifyHook?: string;
  /** An opaque string echoed back on the task. */
  state?: string;
  /** Fixed poll interval in ms. */
  pollIntervalMs?: number;
}

/** What `midjourney.describe` returns. */
export interface MidjourneyDescribeResult {
  /** The suggested prompts (Midjourney gives four), without their 1️⃣-4️⃣ markers. */
  prompts: string[];
  /** The whole answer as Midjourney wrote it. */
  text: string;
  /** The describe job's id. */
  jobId: string;
  /** The image as uploaded to Discord. */
  imageUrl: string | undefined;
}

/**
 * Image to prompts: `/submit/describe`, then polls the task. Not an image or
 * language model call, so it has no retries of its own (a transient poll
 * failure is still retried by the job engine).
 */
export async function describeMidjourney(config: MidjourneyConfig, options: MidjourneyDescribeOptions): Promise<MidjourneyDescribeResult> {
  for (const argument of ['timeout', 'pollIntervalMs'] as const) {
    const value = options[argument];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
      throw new InvalidArgumentError({ argument, message: 'must be a positive number of milliseconds', value });
    }
  }
  if (options.resume !== undefined && (typeof options.resume?.jobId !== 'string' || options.resume.jobId.trim() === '')) {
    throw new InvalidArgumentError({ argument: 'resume.jobId', message: 'must be a non-empty string' });
  }
  const start = options.resume
    ? undefined
    : (() => {
        const base64 = toMidjourneyDataUrl(options.image as Uint8Array | string, options.mediaType, 'image');
        return async (signal: AbortSignal | undefined) =>
          (await submitMidjourney(config, {
            path: '/submit/describe',
            body: { base64, notifyHook: options.notifyHook, state: options.state },
            headers: options.headers,
            abortSignal: signal,
          })).jobId;
      })();
  const { jobId, task } = await runMidjourneyJob(config, {
    jobId: options.resume?.jobId,
    start,
    abortSignal: options.abortSignal,
    onProgress: options.onProgress,
    headers: options.headers,
    pollIntervalMs: options.pollIntervalMs,
    timeoutMs: options.timeout,
  });
  const text = task.finalPrompt ?? task.prompt ?? task.promptEn ?? '';
  const prompts = splitDescribePrompts(text);
  if (prompts.length === 0) {
    throw new NoContentGeneratedError({ provider: config.provider, message: `${config.provider} describe job ${jobId} succeeded without prompts` });
  }
  return { prompts, text, jobId, imageUrl: task.imageUrl };
}

/** Splits Midjourney's `1️⃣ … 2️⃣ …` answer into its prompts; without markers, by blank lines. */
export function splitDescribePrompts(text: string): string[] {
  const marked = text.split(/\s*[1-9]\uFE0F?\u20E3\s*/u);
  const parts = marked.length > 1 ? marked : text.split(/\n\s*\n/);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}
