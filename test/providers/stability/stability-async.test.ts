import { describe, expect, it } from 'vitest';
import { APICallError } from '../../../src/errors/index.js';
import type { ImageModelCallOptions, JobProgressEvent } from '../../../src/provider/index.js';
import { API_KEY, fixture, imageReply, jsonReply, provider, serve } from './handlers.js';
import { tinyPng } from './tiny-png.js';

const JOB = fixture('async-submit').id as string;
const input = tinyPng({ rgb: [40, 40, 40] });
const call = (options: Partial<ImageModelCallOptions> = {}): ImageModelCallOptions => ({
  prompt: 'a sharper lighthouse',
  n: 1,
  images: [{ data: input, mediaType: 'image/png' }],
  providerOptions: { stability: { pollIntervalMs: 1, creativity: 0.35 } },
  ...options,
});

describe('Stability async results', () => {
  it('submits upscale-creative, polls /v2beta/results/{id} until 200 and reports progress', async () => {
    const submits = serve('post', '/v2beta/stable-image/upscale/creative', jsonReply('async-submit'));
    const polls = serve('get', `/v2beta/results/${JOB}`, jsonReply('results-in-progress', 202), jsonReply('results-in-progress', 202), imageReply({ seed: '99' }));
    const events: JobProgressEvent[] = [];
    const result = await provider().image('upscale-creative').doGenerate(call({ onProgress: (event) => events.push(event) }));

    expect(submits).toHaveLength(1);
    expect(submits[0]!.headers).toMatchObject({ authorization: `Bearer ${API_KEY}`, accept: 'application/json' });
    expect(submits[0]!.fields).toEqual({ prompt: 'a sharper lighthouse', creativity: '0.35' });
    expect(submits[0]!.files.image!.bytes).toEqual(input);
    expect(polls).toHaveLength(3);
    for (const poll of polls) expect(poll.headers).toMatchObject({ authorization: `Bearer ${API_KEY}`, accept: 'image/*' });

    expect(result.images).toEqual([{ type: 'bytes', data: tinyPng(), mediaType: 'image/png' }]);
    expect(result.providerMetadata).toEqual({ stability: { seeds: [99], finishReasons: ['SUCCESS'], jobId: JOB } });
    expect(events).toEqual([
      { jobId: JOB, status: 'submitted', progress: 0 },
      { jobId: JOB, status: 'in-progress', progress: 0 },
      { jobId: JOB, status: 'succeeded', progress: 1 },
    ]);
  });

  it('resumes a job by id without submitting again', async () => {
    const polls = serve('get', `/v2beta/results/${JOB}`, imageReply());
    const result = await provider().image('upscale-creative').doGenerate({ prompt: undefined, n: 1, resume: { jobId: JOB } });
    expect(polls).toHaveLength(1);
    expect(polls[0]!.headers).toMatchObject({ authorization: `Bearer ${API_KEY}`, accept: 'image/*' });
    expect(result.images).toHaveLength(1);
    expect(result.providerMetadata!.stability!.jobId).toBe(JOB);
  });

  it('fails with the job id when the result is gone', async () => {
    serve('post', '/v2beta/stable-image/upscale/creative', jsonReply('async-submit'));
    const polls = serve('get', `/v2beta/results/${JOB}`, jsonReply('results-error-404', 404));
    const error = await provider().image('upscale-creative').doGenerate(call()).catch((caught) => caught);
    expect(polls).toHaveLength(1);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 404, code: 'not_found', jobId: JOB });
    expect(error.message).toContain('generation not found or expired');
  });

  it('gives up after pollTimeoutMs with a TimeoutError naming the job, which can be resumed again', async () => {
    // A resumed job is polled at once, then after 40 ms and 60 ms waits: the first poll always
    // precedes the 100 ms timeout, and the job id is known from the start.
    const polls = serve('get', `/v2beta/results/${JOB}`, jsonReply('results-in-progress', 202));
    const error = await provider()
      .image('upscale-creative')
      .doGenerate({ prompt: undefined, n: 1, resume: { jobId: JOB }, providerOptions: { stability: { pollIntervalMs: 40, pollTimeoutMs: 100 } } })
      .catch((caught) => caught);
    expect(polls.length).toBeGreaterThan(0);
    expect(polls[0]!.headers.accept).toBe('image/*');
    expect(error).toMatchObject({ name: 'TimeoutError', jobId: JOB });
    expect(error.message).toContain(`resume: { jobId: '${JOB}' }`);
  });

  it('warns that a synchronous model polls nothing', async () => {
    const requests = serve('post', '/v2beta/stable-image/generate/core', imageReply());
    const result = await provider().image('core').doGenerate({ prompt: 'x', n: 1, providerOptions: { stability: { pollIntervalMs: 5 } } });
    expect(requests[0]!.fields).toEqual({ prompt: 'x' });
    expect(result.warnings).toEqual([
      { type: 'unsupported-setting', setting: 'providerOptions.stability.pollIntervalMs', details: 'core answers synchronously; nothing is polled' },
    ]);
  });
});
