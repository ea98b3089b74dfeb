import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { asNumber, asString, isRecord } from '../../src/http/index.js';
import type { JobPollResult } from '../../src/jobs/index.js';

/** One finished ERNIE-ViLG image. */
export interface BaiduVilgImage {
  /** A BOS URL, valid for about an hour. */
  url: string;
  /** Width in pixels, when reported. */
  width: number | undefined;
  /** Height in pixels, when reported. */
  height: number | undefined;
}

/** What a succeeded task yields. */
export interface BaiduVilgTaskResult {
  /** The images that passed review. */
  images: BaiduVilgImage[];
  /** Sub-tasks (images) that failed or were blocked by review. */
  rejected: number;
}

/** The task id of a `txt2imgv2` answer, as a string (it may be a 19-digit number on the wire). */
export function parseVilgTaskId(data: unknown, provider: string): string {
  const task = isRecord(data) && isRecord(data.data) ? data.data.task_id : undefined;
  if ((typeof task === 'string' && task !== '') || (typeof task === 'number' && Number.isSafeInteger(task))) return String(task);
  throw new InvalidResponseError({ provider, message: 'the txt2imgv2 answer has no data.task_id', rawValue: JSON.stringify(data) });
}

/**
 * Maps a `getImgv2` answer: `SUCCESS` with at least one image that passed
 * review succeeds; `FAILED`, or success with every image blocked, fails;
 * anything else (`RUNNING`, `INIT`, `WAIT`) is still going.
 */
export function mapVilgTask(data: unknown, provider: string): JobPollResult<BaiduVilgTaskResult> {
  const task = isRecord(data) && isRecord(data.data) ? data.data : undefined;
  const status = task ? asString(task.task_status) : undefined;
  if (!task || !status) throw new InvalidResponseError({ provider, message: 'the getImgv2 answer has no data.task_status', rawValue: JSON.stringify(data) });
  const subTasks = Array.isArray(task.sub_task_result_list) ? task.sub_task_result_list.filter(isRecord) : [];
  if (status === 'FAILED') {
    const codes = subTasks.map((sub) => sub.sub_task_error_code).filter((code) => code !== undefined && code !== 0 && code !== '0');
    return { state: 'failed', status: 'failed', reason: codes.length > 0 ? `sub_task_error_code ${codes.join(', ')}` : 'the task failed' };
  }
  if (status !== 'SUCCESS') {
    const raw = asNumber(typeof task.task_progress === 'string' ? Number(task.task_progress) : task.task_progress);
    // Clients report 0–1; tolerate a percentage.
    const progress = raw === undefined ? undefined : raw > 1 ? raw / 100 : raw;
    return { state: status === 'INIT' || status === 'WAIT' ? 'pending' : 'running', status: status.toLowerCase(), progress };
  }
  const images: BaiduVilgImage[] = [];
  let rejected = 0;
  for (const sub of subTasks) {
    const list = Array.isArray(sub.final_image_list) ? sub.final_image_list.filter(isRecord) : [];
    const passed = list.filter((image) => typeof image.img_url === 'string' && (image.img_approve_conclusion === undefined || image.img_approve_conclusion === 'pass'));
    if (passed.length === 0) rejected++;
    for (const image of passed) images.push({ url: image.img_url as string, width: asNumber(image.width), height: asNumber(image.height) });
  }
  if (images.length === 0) return { state: 'failed', status: 'blocked', reason: 'no image passed Baidu\'s content review (or the prompt was judged sensitive)' };
  return { state: 'succeeded', status: 'succeeded', result: { images, rejected } };
}
