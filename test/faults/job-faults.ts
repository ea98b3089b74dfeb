import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect } from 'vitest';
import { AigcError, DownloadError, JobFailedError, RetryError } from '../../src/index.js';
import type { ImageModel } from '../../src/provider/index.js';
import type { JobWire, ModelSetup } from './support/adapter.js';
import type { FaultServer } from './support/fault-server.js';

/** A 1×1 PNG, the image every succeeding job points at. */
export const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (char) => char.charCodeAt(0));

/** How a job call ended. */
export type JobOutcome = { ok: true; images: Uint8Array[]; settledAt: number } | { ok: false; error: unknown; settledAt: number };

/** Options of one job call. */
export interface RunJobCallOptions {
  n?: number;
  maxRetries?: number;
  timeout?: number;
  abortSignal?: AbortSignal;
  maxParallelCalls?: number;
  download?: { maxBytes?: number };
  model?: ImageModel;
}

/** What one job fault case gets. */
export interface JobFaultContext {
  server: FaultServer;
  wire: JobWire;
  secret: string;
  model(setup?: Partial<ModelSetup>): ImageModel;
  run(options?: RunJobCallOptions): Promise<JobOutcome>;
  expectHangup(): Promise<void>;
}

/** One row of the job matrix. */
export interface JobFault {
  name: string;
  run(context: JobFaultContext): Promise<void>;
}

type Action = (response: ServerResponse, request: IncomingMessage) => void;

/** Counters and the script of a job server: what the n-th submit and the n-th poll answer. */
interface JobScript {
  submit?: (index: number) => Action | undefined;
  poll?: (index: number, jobId: string) => Action | undefined;
}

function json(status: number, body: string, headers: Record<string, string> = {}): Action {
  return (response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  };
}

/**
 * Scripts a job server for the case: by default a submit creates a job that
 * is running for two polls and then succeeds with the PNG at `/img/out.png`.
 * Returns live counters.
 */
function serveJobs(context: JobFaultContext, script: JobScript = {}, image: Uint8Array | 'stall' = PNG) {
  const stats = { submits: 0, polls: 0, downloads: 0, active: 0, maxActive: 0, pollsPerJob: new Map<string, number>() };
  context.server.reset(() => {});
  context.server.serveAuxiliary(
    (path) => path === '/img/out.png',
    (_request, response) => {
      if (image === 'stall') return void stats.downloads++;
      stats.downloads++;
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(image.byteLength) });
      response.end(image);
    },
  );
  context.server.setHandler(({ request, response, body }) => {
    const path = new URL(request.url ?? '/', context.server.url).pathname;
    if (context.wire.isSubmit(path)) {
      const index = ++stats.submits;
      const scripted = script.submit?.(index);
      if (scripted) return scripted(response, request);
      const jobId = String(1727937239739167500n + BigInt(index));
      stats.active++;
      stats.maxActive = Math.max(stats.maxActive, stats.active);
      return json(200, context.wire.submitted(jobId))(response, request);
    }
    if (context.wire.isPoll(path)) {
      const index = ++stats.polls;
      const jobId = jobIdOf(path, body);
      const count = (stats.pollsPerJob.get(jobId) ?? 0) + 1;
      stats.pollsPerJob.set(jobId, count);
      const scripted = script.poll?.(index, jobId);
      if (scripted) return scripted(response, request);
      if (count < 3) return json(200, context.wire.running(jobId, count / 3))(response, request);
      stats.active--;
      return json(200, context.wire.succeeded(jobId, `${context.server.url}/img/out.png`))(response, request);
    }
    json(404, '{"error":"no such route"}')(response, request);
  });
  return stats;
}

/** The job id a poll asks about: in the path (`/task/{id}/fetch`) or the JSON body (`task_id`). */
function jobIdOf(path: string, body: string): string {
  return /\/task\/([^/]+)\/fetch$/.exec(path)?.[1] ?? /"task_id"\s*:\s*"?(\d+)/.exec(body)?.[1] ?? 'unknown';
}

function failure(outcome: JobOutcome): unknown {
  if (outcome.ok) throw new Error('expected the image call to fail, but it returned images');
  return outcome.error;
}

function expectJobId(error: unknown): void {
  expect(typeof (error as { jobId?: unknown }).jobId, `jobId on ${String(error)}`).toBe('string');
}

function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const jobFaults: JobFault[] = [
  {
    name: 'job runs and succeeds',
    async run(context) {
      const stats = serveJobs(context);
      const outcome = await context.run();
      if (!outcome.ok) throw outcome.error;
      expect(outcome.images[0]).toEqual(PNG);
      expect(stats.submits).toBe(1);
      expect(stats.polls).toBe(3);
    },
  },
  {
    name: 'submit 503 → retried → success',
    async run(context) {
      const stats = serveJobs(context, { submit: (index) => (index === 1 ? json(503, context.wire.errorBody('busy'), { 'retry-after-ms': '0' }) : undefined) });
      const outcome = await context.run();
      if (!outcome.ok) throw outcome.error;
      expect(stats.submits).toBe(2);
    },
  },
  {
    name: 'poll 503 ×2 → success (no resubmit)',
    async run(context) {
      const stats = serveJobs(context, { poll: (index) => (index <= 2 ? json(503, context.wire.errorBody('busy'), { 'retry-after-ms': '0' }) : undefined) });
      const outcome = await context.run();
      if (!outcome.ok) throw outcome.error;
      expect(stats.submits).toBe(1);
    },
  },
  {
    name: 'poll reset → success (no resubmit)',
    async run(context) {
      const stats = serveJobs(context, { poll: (index) => (index === 1 ? (_response, request) => void request.socket.destroy() : undefined) });
      const outcome = await context.run();
      if (!outcome.ok) throw outcome.error;
      expect(stats.submits).toBe(1);
    },
  },
  {
    name: 'poll body breaks mid-way → success (no resubmit)',
    async run(context) {
      const stats = serveJobs(context, {
        poll: (index, jobId) =>
          index === 1
            ? (response, request) => {
                response.removeHeader('connection');
                response.writeHead(200, { 'content-type': 'application/json' });
                const body = context.wire.running(jobId, 0.5);
                response.write(body.slice(0, body.length >> 1), () => setTimeout(() => request.socket.destroy(), 10));
              }
            : undefined,
      });
      const outcome = await context.run();
      if (!outcome.ok) throw outcome.error;
      expect(stats.submits).toBe(1);
    },
  },
  {
    name: 'poll 5xx storm, exhausted (no resubmit)',
    async run(context) {
      const stats = serveJobs(context, { poll: () => json(502, context.wire.errorBody('bad gateway'), { 'retry-after-ms': '0' }) });
      const error = failure(await context.run({ maxRetries: 2 }));
      expect(RetryError.isInstance(error), String(error)).toBe(true);
      expectJobId(error);
      // The job exists and may be billed: core must not submit a second one.
      expect(stats.submits).toBe(1);
    },
  },
  {
    name: 'job fails on the provider',
    async run(context) {
      const stats = serveJobs(context, { poll: (_index, jobId) => json(200, context.wire.failed(jobId, 'banned prompt')) });
      const error = failure(await context.run({ maxRetries: 2 }));
      expect(JobFailedError.isInstance(error), String(error)).toBe(true);
      expectJobId(error);
      expect(stats.submits).toBe(1);
    },
  },
  {
    name: 'timeout covers polling',
    async run(context) {
      const stats = serveJobs(context, { poll: (_index, jobId) => json(200, context.wire.running(jobId, 0.5)) });
      const started = performance.now();
      const outcome = await context.run({ timeout: 400 });
      const error = failure(outcome);
      expect((error as DOMException).name).toBe('TimeoutError');
      expectJobId(error);
      expect(outcome.settledAt - started).toBeLessThan(1_400);
      // A poll already on the wire may still land; after that grace, none may follow.
      await sleep(50);
      const polls = stats.polls;
      await sleep(150);
      expect(stats.polls, 'no poll after the timeout').toBe(polls);
    },
  },
  {
    name: 'poll stalls > timeout',
    async run(context) {
      const stats = serveJobs(context, { poll: () => () => {} });
      const outcome = await context.run({ timeout: 400 });
      expect((failure(outcome) as DOMException).name).toBe('TimeoutError');
      expect(stats.polls, `polls (submits: ${stats.submits}, error: ${String((outcome as { error?: unknown }).error)})`).toBe(1);
      await context.expectHangup();
    },
  },
  {
    name: 'abort mid-poll',
    async run(context) {
      const second = signal();
      const stats = serveJobs(context, {
        poll: (index, jobId) => (response, request) => {
          if (index === 2) response.on('finish', () => second.fire());
          json(200, context.wire.running(jobId, 0.5))(response, request);
        },
      });
      const controller = new AbortController();
      const reason = new Error('caller abort');
      const pending = context.run({ abortSignal: controller.signal });
      await second.promise;
      await sleep(5);
      const abortedAt = performance.now();
      controller.abort(reason);
      const outcome = await pending;
      expect(failure(outcome)).toBe(reason);
      expect(outcome.settledAt - abortedAt).toBeLessThan(100);
      await sleep(50);
      const polls = stats.polls;
      await sleep(150);
      expect(stats.polls, 'no poll after the abort').toBe(polls);
      expect(stats.submits).toBe(1);
    },
  },
  {
    name: 'download over download.maxBytes',
    async run(context) {
      const stats = serveJobs(context, {}, new Uint8Array(20_000));
      const error = failure(await context.run({ download: { maxBytes: 1_000 } }));
      expect(DownloadError.isInstance(error), String(error)).toBe(true);
      expect((error as Error).message).toMatch(/1000/);
      expect(stats.submits).toBe(1);
    },
  },
  {
    name: 'download stalls > timeout',
    async run(context) {
      const stats = serveJobs(context, {}, 'stall');
      const started = performance.now();
      const outcome = await context.run({ timeout: 600 });
      // The call's timeout covers the download of the result too.
      expect((failure(outcome) as DOMException).name).toBe('TimeoutError');
      expect(outcome.settledAt - started).toBeLessThan(1_600);
      expect(stats.downloads).toBe(1);
      expect(stats.submits).toBe(1);
    },
  },
  {
    name: 'secret echoed in a poll error',
    async run(context) {
      serveJobs(context, {
        poll: () => (response, request) => json(401, context.wire.errorBody(`denied: ${JSON.stringify(request.headers)} ${request.url}`))(response, request),
      });
      const error = failure(await context.run({ maxRetries: 0 }));
      expect(AigcError.isInstance(error), String(error)).toBe(true);
    },
  },
  {
    name: 'split calls respect maxParallelCalls: 1',
    async run(context) {
      const perCall = context.model().maxImagesPerCall;
      const stats = serveJobs(context);
      const outcome = await context.run({ n: perCall * 3, maxParallelCalls: 1 });
      if (!outcome.ok) throw outcome.error;
      expect(stats.submits).toBe(3);
      expect(stats.maxActive).toBe(1);
    },
  },
  {
    name: 'split calls respect maxParallelCalls: 2',
    async run(context) {
      const perCall = context.model().maxImagesPerCall;
      const stats = serveJobs(context);
      const outcome = await context.run({ n: perCall * 4, maxParallelCalls: 2 });
      if (!outcome.ok) throw outcome.error;
      expect(stats.submits).toBe(4);
      expect(stats.maxActive).toBe(2);
    },
  },
];
