import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobFailedError } from '../../src/errors/index.js';
import { generateImage } from '../../src/generate-image/index.js';
import { runJob, type JobPollResult } from '../../src/jobs/index.js';
import type { ImageModel, ImageModelCallOptions, JobProgressEvent } from '../../src/provider/index.js';

const PNG_BASE64 = btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a));

/**
 * A job-based image model over a fake in-memory job API, the way Midjourney
 * or ERNIE-ViLG providers use runJob: submit, poll, progress, resume.
 */
function fakeJobImageModel(script: Array<JobPollResult<string[]>>) {
  const submitted: ImageModelCallOptions[] = [];
  const polled: string[] = [];
  let index = 0;
  const model: ImageModel = {
    specificationVersion: 'v1',
    provider: 'fake.image',
    modelId: 'fake-job',
    maxImagesPerCall: 4,
    async doGenerate(options) {
      const { jobId, result } = await runJob({
        provider: 'fake.image',
        jobId: options.resume?.jobId,
        start: async () => {
          submitted.push(options);
          return `job-${submitted.length}`;
        },
        poll: async (id) => {
          polled.push(id);
          return script[Math.min(index++, script.length - 1)]!;
        },
        abortSignal: options.abortSignal,
        onProgress: options.onProgress,
      });
      return {
        images: result.map((data) => ({ type: 'base64' as const, data })),
        warnings: [],
        response: { id: jobId },
        providerMetadata: { fake: { jobId } },
      };
    },
  };
  return { model, submitted, polled };
}

const running = (progress: number): JobPollResult<string[]> => ({ state: 'running', status: 'in_progress', progress });
const done = (count: number): JobPollResult<string[]> => ({ state: 'succeeded', status: 'success', result: Array.from({ length: count }, () => PNG_BASE64) });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('generateImage with a job-based model', () => {
  it('reports increasing progress with the job id and returns the images', async () => {
    const events: JobProgressEvent[] = [];
    const { model, submitted } = fakeJobImageModel([running(0.1), running(0.5), running(0.9), done(4)]);
    const promise = generateImage({ model, prompt: 'an apple', n: 4, onProgress: (event) => events.push(event) });
    await vi.advanceTimersByTimeAsync(30_000);
    const result = await promise;
    expect(submitted).toHaveLength(1);
    expect(result.images).toHaveLength(4);
    expect(result.providerMetadata).toEqual({ fake: { jobId: 'job-1' } });
    expect(events.map((event) => event.progress)).toEqual([0, 0.1, 0.5, 0.9, 1]);
    expect(events.every((event) => event.jobId === 'job-1')).toBe(true);
  });

  it('resumes a job by id without submitting', async () => {
    const { model, submitted, polled } = fakeJobImageModel([done(1)]);
    const promise = generateImage({ model, resume: { jobId: 'job-42' } });
    await vi.advanceTimersByTimeAsync(0);
    const { image, responses } = await promise;
    expect(submitted).toHaveLength(0);
    expect(polled).toEqual(['job-42']);
    expect(image.mediaType).toBe('image/png');
    expect(responses).toEqual([{ id: 'job-42' }]);
  });

  it('fails with JobFailedError and does not resubmit', async () => {
    const { model, submitted } = fakeJobImageModel([running(0.3), { state: 'failed', status: 'failure', reason: 'banned prompt' }]);
    const promise = generateImage({ model, prompt: 'p' });
    const assertion = expect(promise).rejects.toSatisfy((error: unknown) => {
      expect(JobFailedError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ jobId: 'job-1', reason: 'banned prompt' });
      return true;
    });
    await vi.advanceTimersByTimeAsync(30_000);
    await assertion;
    expect(submitted).toHaveLength(1);
  });

  it('times out with a TimeoutError naming the job, so it can be resumed', async () => {
    const { model, polled } = fakeJobImageModel([running(0.3)]);
    const promise = generateImage({ model, prompt: 'p', timeout: 8_000 });
    const assertion = expect(promise).rejects.toMatchObject({ name: 'TimeoutError', jobId: 'job-1' });
    await vi.advanceTimersByTimeAsync(8_000);
    await assertion;
    const count = polled.length;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(polled).toHaveLength(count);
  });

  it('stops polling when aborted mid-poll and rethrows the reason', async () => {
    const controller = new AbortController();
    const { model, polled } = fakeJobImageModel([running(0.3)]);
    const promise = generateImage({ model, prompt: 'p', abortSignal: controller.signal });
    const reason = new Error('user left');
    const assertion = expect(promise).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(2_500);
    controller.abort(reason);
    await assertion;
    const count = polled.length;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(polled).toHaveLength(count);
  });
});
