import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APICallError, InvalidArgumentError, JobFailedError, RetryError } from '../../src/errors/index.js';
import { runJob, type JobPollResult } from '../../src/jobs/index.js';
import type { JobProgressEvent } from '../../src/provider/index.js';

type Step = JobPollResult<string> | Error;

/** A fake submit-then-poll API: each poll of a job returns the next scripted step (the last one repeats). */
function fakeJobApi(steps: Step[]) {
  const polls: Array<{ jobId: string; at: number }> = [];
  const starts: number[] = [];
  let index = 0;
  const start0 = Date.now();
  return {
    polls,
    starts,
    start: vi.fn(async () => {
      starts.push(Date.now() - start0);
      return 'job-1';
    }),
    poll: vi.fn(async (jobId: string, signal: AbortSignal | undefined) => {
      signal?.throwIfAborted();
      polls.push({ jobId, at: Date.now() - start0 });
      const step = steps[Math.min(index++, steps.length - 1)]!;
      if (step instanceof Error) throw step;
      return step;
    }),
  };
}

const running = (progress?: number, status = 'running'): Step => ({ state: 'running', status, progress });
const done: Step = { state: 'succeeded', status: 'succeeded', result: 'https://cdn.example/image.png' };

function apiError(statusCode: number, headers: Record<string, string> = {}): APICallError {
  return new APICallError({
    message: `GET https://api.example/task failed with ${statusCode}`,
    provider: 'fake.image',
    url: 'https://api.example/task',
    statusCode,
    responseHeaders: headers,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('runJob', () => {
  it('submits, polls first after 1 s with an interval growing to 5 s, and resolves with the result', async () => {
    const api = fakeJobApi([running(0.1), running(0.2), running(0.3), running(0.4), running(0.5), running(0.6), running(0.7), done]);
    const promise = runJob({ provider: 'fake.image', start: api.start, poll: api.poll });
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(promise).resolves.toEqual({ jobId: 'job-1', result: 'https://cdn.example/image.png' });
    expect(api.starts).toEqual([0]);
    const gaps = api.polls.map((poll, index) => poll.at - (index === 0 ? 0 : api.polls[index - 1]!.at));
    expect(gaps).toEqual([1000, 1000, 1500, 2250, 3375, 5000, 5000, 5000]);
    expect(api.polls.every((poll) => poll.jobId === 'job-1')).toBe(true);
  });

  it('honours a provider interval and cap', async () => {
    const api = fakeJobApi([running(), running(), running(), done]);
    const promise = runJob({ provider: 'fake.image', start: api.start, poll: api.poll, intervalMs: 3000, maxIntervalMs: 4000 });
    await vi.advanceTimersByTimeAsync(60_000);
    await promise;
    expect(api.polls.map((poll) => poll.at)).toEqual([3000, 6000, 10000, 14000]);
  });

  it('reports typed progress events that never go backwards, with the job id on each', async () => {
    const events: JobProgressEvent[] = [];
    const api = fakeJobApi([
      running(undefined, 'queued'),
      running(0.25),
      running(0.25),
      running(0.1),
      { state: 'running', status: 'running', progress: 0.6, preview: 'https://cdn.example/preview.png' },
      done,
    ]);
    const promise = runJob({ provider: 'fake.image', start: api.start, poll: api.poll, onProgress: (event) => events.push(event) });
    await vi.advanceTimersByTimeAsync(60_000);
    await promise;
    expect(events).toEqual([
      { jobId: 'job-1', status: 'submitted', progress: 0 },
      { jobId: 'job-1', status: 'queued', progress: 0 },
      { jobId: 'job-1', status: 'running', progress: 0.25 },
      { jobId: 'job-1', status: 'running', progress: 0.6, preview: 'https://cdn.example/preview.png' },
      { jobId: 'job-1', status: 'succeeded', progress: 1 },
    ]);
    const progress = events.map((event) => event.progress!);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('throws JobFailedError with the job id, status and provider reason when the job fails', async () => {
    const api = fakeJobApi([running(0.5), { state: 'failed', status: 'FAILURE', reason: 'banned prompt' }]);
    const promise = runJob({ provider: 'fake.image', start: api.start, poll: api.poll });
    const assertion = expect(promise).rejects.toSatisfy((error: unknown) => {
      expect(JobFailedError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ jobId: 'job-1', status: 'FAILURE', reason: 'banned prompt', provider: 'fake.image' });
      expect((error as Error).message).toBe('fake.image job job-1 ended with status FAILURE: banned prompt');
      return true;
    });
    await vi.advanceTimersByTimeAsync(60_000);
    await assertion;
    expect(api.polls).toHaveLength(2);
  });

  it('times out with a TimeoutError DOMException naming the job, and stops polling', async () => {
    const api = fakeJobApi([running(0.1)]);
    const promise = runJob({ provider: 'fake.image', start: api.start, poll: api.poll, timeoutMs: 10_000 });
    const assertion = expect(promise).rejects.toSatisfy((error: unknown) => {
      expect(error).toBeInstanceOf(DOMException);
      expect(error).toMatchObject({ name: 'TimeoutError', jobId: 'job-1' });
      expect((error as Error).message).toContain("resume: { jobId: 'job-1' }");
      return true;
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await assertion;
    const pollsAtTimeout = api.polls.length;
    expect(api.polls.map((poll) => poll.at)).toEqual([1000, 2000, 3500, 5750, 9125]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.polls).toHaveLength(pollsAtTimeout);
  });

  it('resumes a job by id without submitting, polling at once', async () => {
    const events: JobProgressEvent[] = [];
    const api = fakeJobApi([done]);
    const promise = runJob({ provider: 'fake.image', jobId: 'job-7', start: api.start, poll: api.poll, onProgress: (event) => events.push(event) });
    await vi.advanceTimersByTimeAsync(0);
    await expect(promise).resolves.toEqual({ jobId: 'job-7', result: 'https://cdn.example/image.png' });
    expect(api.start).not.toHaveBeenCalled();
    expect(api.polls).toEqual([{ jobId: 'job-7', at: 0 }]);
    expect(events).toEqual([
      { jobId: 'job-7', status: 'resumed', progress: undefined },
      { jobId: 'job-7', status: 'succeeded', progress: 1 },
    ]);
  });

  it('rethrows the caller abort reason untouched when aborted between polls, and polls no more', async () => {
    const controller = new AbortController();
    const api = fakeJobApi([running(0.1)]);
    const promise = runJob({ provider: 'fake.image', start: api.start, poll: api.poll, abortSignal: controller.signal });
    const reason = new Error('user went away');
    const assertion = expect(promise).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(api.polls).toHaveLength(2);
    controller.abort(reason);
    await assertion;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.polls).toHaveLength(2);
    expect(reason).not.toHaveProperty('jobId');
  });

  it('rethrows the abort reason when the signal aborts while a poll is in flight', async () => {
    const controller = new AbortController();
    const poll = vi.fn((_jobId: string, signal: AbortSignal | undefined) =>
      new Promise<JobPollResult<string>>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))));
    const promise = runJob({ provider: 'fake.image', jobId: 'job-2', poll, abortSignal: controller.signal });
    const assertion = expect(promise).rejects.toBe('stop');
    await vi.advanceTimersByTimeAsync(0);
    expect(poll).toHaveBeenCalledTimes(1);
    controller.abort('stop');
    await assertion;
  });

  it('puts the job id on a TimeoutError coming from the caller signal', async () => {
    const controller = new AbortController();
    const api = fakeJobApi([running(0.1)]);
    const promise = runJob({ provider: 'fake.image', start: api.start, poll: api.poll, abortSignal: controller.signal });
    const assertion = expect(promise).rejects.toMatchObject({ name: 'TimeoutError', jobId: 'job-1' });
    await vi.advanceTimersByTimeAsync(1_500);
    controller.abort(new DOMException('The operation timed out after 1500 ms.', 'TimeoutError'));
    await assertion;
  });

  it('retries transient poll errors without failing the job, using retry-after-ms', async () => {
    const api = fakeJobApi([running(0.2), apiError(503, { 'retry-after-ms': '10' }), apiError(429, { 'retry-after-ms': '20' }), done]);
    const promise = runJob({ provider: 'fake.image', start: api.start, poll: api.poll });
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(promise).resolves.toMatchObject({ jobId: 'job-1' });
    expect(api.polls.map((poll) => poll.at)).toEqual([1000, 2000, 2010, 2030]);
  });

  it('gives up after consecutive transient failures with a non-retryable RetryError carrying the job id', async () => {
    const api = fakeJobApi([running(0.2), apiError(502, { 'retry-after-ms': '0' })]);
    const promise = runJob({ provider: 'fake.image', start: api.start, poll: api.poll, maxPollRetries: 2 });
    const assertion = expect(promise).rejects.toSatisfy((error: unknown) => {
      expect(RetryError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ jobId: 'job-1', reason: 'maxRetriesExceeded' });
      expect((error as RetryError).errors).toHaveLength(3);
      expect((error as { isRetryable?: boolean }).isRetryable).toBeUndefined();
      return true;
    });
    await vi.advanceTimersByTimeAsync(60_000);
    await assertion;
    expect(api.polls).toHaveLength(4);
  });

  it('throws a non-retryable poll error at once, with the job id attached', async () => {
    const error = apiError(401);
    const api = fakeJobApi([error]);
    const promise = runJob({ provider: 'fake.image', start: api.start, poll: api.poll });
    const assertion = expect(promise).rejects.toBe(error);
    await vi.advanceTimersByTimeAsync(60_000);
    await assertion;
    expect(error).toMatchObject({ jobId: 'job-1', statusCode: 401 });
    expect(api.polls).toHaveLength(1);
  });

  it('lets a failing start through untouched (core retries the whole call)', async () => {
    const error = apiError(503);
    const poll = vi.fn();
    await expect(runJob({ provider: 'fake.image', start: () => Promise.reject(error), poll })).rejects.toBe(error);
    expect(error).not.toHaveProperty('jobId');
    expect(poll).not.toHaveBeenCalled();
  });

  it('rejects bad options before submitting', async () => {
    const start = vi.fn(async () => 'job-1');
    const poll = vi.fn();
    await expect(runJob({ provider: 'fake.image', poll })).rejects.toSatisfy(InvalidArgumentError.isInstance);
    await expect(runJob({ provider: 'fake.image', jobId: '', poll })).rejects.toMatchObject({ argument: 'resume.jobId' });
    await expect(runJob({ provider: 'fake.image', start, poll, intervalMs: 0 })).rejects.toMatchObject({ argument: 'intervalMs' });
    await expect(runJob({ provider: 'fake.image', start, poll, timeoutMs: -1 })).rejects.toMatchObject({ argument: 'timeoutMs' });
    expect(start).not.toHaveBeenCalled();
  });
});
