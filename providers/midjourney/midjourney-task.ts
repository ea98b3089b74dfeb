import { asNumber, asString, isRecord } from '../../src/http/index.js';
import { APICallError } from '../../src/errors/api-call-error.js';
import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import type { JobPollResult } from '../../src/jobs/index.js';
import type { MidjourneyConfig } from './midjourney-config.js';
import { requestMidjourney } from './midjourney-request.js';

/** A button on a finished task (Plus-compatible proxies); its `customId` drives `/submit/action`. */
export interface MidjourneyButton {
  /** e.g. `MJ::JOB::upsample::1::<uuid>`. */
  customId: string;
  /** e.g. `U1`, `V2`, `Vary (Strong)`. */
  label: string;
  /** e.g. `🔄` for reroll. */
  emoji?: string;
}

/** The fields of a proxy Task that aigc reads; everything else stays in `raw`. */
export interface MidjourneyTask {
  /** The task id. */
  id: string;
  /** `IMAGINE`, `UPSCALE`, `VARIATION`, `REROLL`, `DESCRIBE`, `BLEND`, … */
  action: string | undefined;
  /** `NOT_START`, `SUBMITTED`, `IN_PROGRESS`, `SUCCESS`, `FAILURE`, plus `MODAL`/`CANCEL` on Plus proxies. */
  status: string;
  /** `"45%"` as a fraction, when given. */
  progress: number | undefined;
  /** The result (or, while running, a preview) on Discord's CDN. */
  imageUrl: string | undefined;
  /** Why the task failed. */
  failReason: string | undefined;
  /** The prompt as submitted. */
  prompt: string | undefined;
  /** The translated prompt. */
  promptEn: string | undefined;
  /** What Midjourney ran (or, for describe, the four suggested prompts). */
  finalPrompt: string | undefined;
  /** Plus-compatible follow-up buttons. */
  buttons: MidjourneyButton[];
  /** Epoch ms. */
  submitTime: number | undefined;
  /** Epoch ms. */
  finishTime: number | undefined;
  /** The wire object. */
  raw: Record<string, unknown>;
}

/** Reads a proxy Task; throws `InvalidResponseError` when it has no id or status. */
export function parseMidjourneyTask(data: unknown, provider: string): MidjourneyTask {
  const id = isRecord(data) ? asString(data.id) ?? (asNumber(data.id) === undefined ? undefined : String(data.id)) : undefined;
  const status = isRecord(data) ? asString(data.status) : undefined;
  if (!isRecord(data) || !id || !status) {
    throw new InvalidResponseError({ provider, message: 'the task has no id or status', rawValue: data });
  }
  const properties = isRecord(data.properties) ? data.properties : {};
  return {
    id,
    action: asString(data.action),
    status,
    progress: parseProgress(data.progress),
    imageUrl: asString(data.imageUrl) || undefined,
    failReason: asString(data.failReason) || undefined,
    prompt: asString(data.prompt),
    promptEn: asString(data.promptEn),
    finalPrompt: asString(properties.finalPrompt) ?? asString(data.finalPrompt),
    buttons: parseButtons(data.buttons),
    submitTime: asNumber(data.submitTime),
    finishTime: asNumber(data.finishTime),
    raw: data,
  };
}

/** `"45%"` → 0.45; `""` or anything else → undefined. */
export function parseProgress(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value > 1 ? value / 100 : value;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  return match ? Math.min(1, Number(match[1]) / 100) : undefined;
}

function parseButtons(value: unknown): MidjourneyButton[] {
  if (!Array.isArray(value)) return [];
  const buttons: MidjourneyButton[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const customId = asString(item.customId);
    if (!customId) continue;
    const emoji = asString(item.emoji);
    buttons.push({ customId, label: asString(item.label) ?? '', ...(emoji ? { emoji } : {}) });
  }
  return buttons;
}

/** `GET /task/{id}/fetch`. An empty body (unknown id) becomes a non-retryable `APICallError` with code `not_found`. */
export async function fetchMidjourneyTask(
  config: MidjourneyConfig,
  jobId: string,
  options: { abortSignal?: AbortSignal; headers?: Record<string, string | undefined> },
): Promise<{ task: MidjourneyTask; headers: Headers }> {
  const { data, headers, context } = await requestMidjourney(config, {
    path: `/task/${encodeURIComponent(jobId)}/fetch`,
    headers: options.headers,
    abortSignal: options.abortSignal,
  });
  if (data === null) {
    throw new APICallError({
      message: `${context.method} ${context.url}: the proxy has no task ${jobId} (tasks expire after 30 days by default)`,
      provider: config.provider,
      url: context.url,
      code: 'not_found',
      isRetryable: false,
    });
  }
  const task = parseMidjourneyTask(data, config.provider);
  // Forks that keep images on the proxy's own disk answer with a path, not a URL.
  if (task.imageUrl && !/^[a-z][a-z0-9+.-]*:/i.test(task.imageUrl)) task.imageUrl = new URL(task.imageUrl, context.url).href;
  return { task, headers };
}

/** Maps a task to what the job engine needs: pending, running with progress and preview, done, or failed. */
export function toJobPoll(task: MidjourneyTask): JobPollResult<MidjourneyTask> {
  const status = task.status.toLowerCase();
  switch (task.status) {
    case 'SUCCESS':
      return { state: 'succeeded', status, result: task };
    case 'FAILURE':
    case 'CANCEL':
      return { state: 'failed', status: task.status, reason: task.failReason };
    case 'MODAL':
      // A remix or inpaint dialog waits for /submit/modal input, which aigc never sends: the task would hang until the proxy times it out.
      return { state: 'failed', status: task.status, reason: task.failReason ?? 'the task waits for modal input (remix mode or inpaint), which aigc does not send; turn remix mode off on the account' };
    case 'NOT_START':
    case 'SUBMITTED':
      return { state: 'pending', status, progress: task.progress };
    default:
      return { state: 'running', status, progress: task.progress, ...(task.imageUrl ? { preview: task.imageUrl } : {}) };
  }
}
