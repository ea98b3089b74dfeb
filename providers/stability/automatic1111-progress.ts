import { asNumber, asString, isRecord, readJson, sendRequest } from '../../src/http/index.js';
import type { JobProgressEvent, Warning } from '../../src/provider/index.js';
import type { Automatic1111Config } from './automatic1111-config.js';
import { parseAutomatic1111Error } from './automatic1111-error.js';

/** A running progress poller. */
export interface Automatic1111ProgressPoller {
  /** Stops polling (after a poll in flight) and resolves with a warning if progress could not be read. */
  stop(): Promise<Warning | undefined>;
}

/**
 * Polls `GET /sdapi/v1/progress` while a txt2img/img2img request is pending
 * and feeds `onProgress`. This is not `runJob`: the WebUI has no
 * submit-then-poll job (the generation is one long blocking request), so the
 * request decides when we are done and this loop only reports alongside it.
 * Progress is best-effort: a failed poll ends the loop with a warning rather
 * than failing the generation. Progress never goes backwards (the WebUI
 * reports 0 between batch jobs and when idle).
 */
export function startAutomatic1111Progress(options: {
  config: Automatic1111Config;
  jobId: string;
  headers: Record<string, string | undefined>;
  livePreview: boolean;
  abortSignal: AbortSignal | undefined;
  onProgress: (event: JobProgressEvent) => void;
}): Automatic1111ProgressPoller {
  // Stopping ends the wait between polls but lets a poll in flight finish, so
  // its event or failure is reported before the result; the caller's signal
  // still aborts everything.
  const stopped = new AbortController();
  let last: JobProgressEvent = { jobId: options.jobId, status: 'submitted', progress: 0 };
  options.onProgress(last);

  const loop = (async (): Promise<Warning | undefined> => {
    const url = `${options.config.baseURL()}/sdapi/v1/progress?skip_current_image=${options.livePreview ? 'false' : 'true'}`;
    for (;;) {
      await sleep(options.config.progressIntervalMs, stopped.signal);
      if (stopped.signal.aborted || options.abortSignal?.aborted) return undefined;
      let data: unknown;
      try {
        const { response, context } = await sendRequest({
          provider: options.config.provider,
          url,
          method: 'GET',
          headers: options.headers,
          fetch: options.config.fetch,
          abortSignal: options.abortSignal,
          parseError: parseAutomatic1111Error,
        });
        data = await readJson(response, context);
      } catch (error) {
        if (options.abortSignal?.aborted) return undefined;
        return { type: 'other', message: `progress unavailable, stopped polling /sdapi/v1/progress: ${error instanceof Error ? error.message : String(error)}` };
      }
      const event = toEvent(data, last, options.livePreview);
      if (event.status !== last.status || event.progress !== last.progress || event.preview !== last.preview) {
        last = event;
        options.onProgress(event);
      }
    }
  })();

  return {
    async stop() {
      stopped.abort();
      return loop;
    },
  };
}

function toEvent(data: unknown, last: JobProgressEvent, livePreview: boolean): JobProgressEvent {
  const state = isRecord(data) && isRecord(data.state) ? data.state : {};
  const reported = isRecord(data) ? asNumber(data.progress) : undefined;
  const progress = Math.min(1, Math.max(last.progress ?? 0, reported ?? 0));
  const job = asString(state.job);
  const event: JobProgressEvent = { jobId: last.jobId, status: job ? 'running' : last.status, progress };
  const image = livePreview && isRecord(data) ? asString(data.current_image) : undefined;
  const preview = image ? `data:image/png;base64,${image}` : last.preview;
  if (preview !== undefined) event.preview = preview;
  return event;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
