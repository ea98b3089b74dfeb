import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { generateImage } from '../../../src/index.js';
import { APICallError, JobFailedError } from '../../../src/errors/index.js';
import type { JobProgressEvent } from '../../../src/provider/index.js';
import { createBaidu } from '../../../providers/baidu/index.js';
import { server } from '../../support/msw-server.js';
import { ACCESS_TOKEN, CLIENT, HOSTS, json, serve, serveToken, verbatim } from './handlers.js';

const SUBMIT_URL = `${HOSTS.aip}/rpc/2.0/ernievilg/v1/txt2imgv2`;
const POLL_URL = `${HOSTS.aip}/rpc/2.0/ernievilg/v1/getImgv2`;
const TASK_ID = '1727937239739167539';
const png = new Uint8Array(readFileSync(new URL('./fixtures/getimgv2-image.png', import.meta.url)));

const vilg = () => createBaidu(CLIENT).image('ernie-vilg-v2', { pollIntervalMs: 1, maxPollIntervalMs: 2 });

describe('baidu.image("ernie-vilg-v2")', () => {
  it('submits, polls with the 19-digit task id as a string until success, and reports progress', async () => {
    const tokens = serveToken();
    const submits = serve('post', SUBMIT_URL, verbatim('txt2imgv2-success'));
    const polls = serve('post', POLL_URL, verbatim('getimgv2-init'), verbatim('getimgv2-running'), verbatim('getimgv2-success'));
    const events: JobProgressEvent[] = [];
    const result = await vilg().doGenerate({ prompt: '睡莲和锦鲤，国画风格', n: 3, size: '1280x720', onProgress: (event) => events.push(event) });
    expect(tokens).toHaveLength(1);
    expect(submits[0]!.query).toEqual({ access_token: ACCESS_TOKEN });
    expect(submits[0]!.body).toEqual({ prompt: '睡莲和锦鲤，国画风格', version: 'v2', width: 1280, height: 720, image_num: 3 });
    expect(polls).toHaveLength(3);
    for (const poll of polls) {
      expect(poll.text).toBe(`{"task_id":"${TASK_ID}"}`);
      expect(poll.query.access_token).toBe(ACCESS_TOKEN);
    }
    expect(result.images).toEqual([
      { type: 'url', url: 'http://aigc-t2p.bj.bcebos.com/artist-long/1727937239739167539_0_final.png?authorization=bce-auth-v1%2Fabc' },
      { type: 'url', url: 'http://aigc-t2p.bj.bcebos.com/artist-long/1727937239739167539_1_final.png?authorization=bce-auth-v1%2Fdef' },
    ]);
    expect(result.warnings).toEqual([{ type: 'other', message: "1 image(s) failed or did not pass Baidu's content review" }]);
    expect(result.providerMetadata).toEqual({ baidu: { taskId: TASK_ID, images: [{ width: 1024, height: 1024 }, { width: 1024, height: 1024 }] } });
    expect(result.response.id).toBe(TASK_ID);
    expect(events).toEqual([
      { jobId: TASK_ID, status: 'submitted', progress: 0 },
      { jobId: TASK_ID, status: 'init', progress: 0 },
      { jobId: TASK_ID, status: 'running', progress: 0.5 },
      { jobId: TASK_ID, status: 'succeeded', progress: 1 },
    ]);
  });

  it('keeps a task id that arrives as a string, and sends a reference image as base64', async () => {
    serveToken();
    const submits = serve('post', SUBMIT_URL, verbatim('txt2imgv2-string-id'));
    const polls = serve('post', POLL_URL, verbatim('getimgv2-success'));
    const result = await vilg().doGenerate({
      prompt: '水墨山水',
      n: 1,
      aspectRatio: '9:16',
      images: [{ data: png, mediaType: 'image/png' }],
      seed: 1,
      providerOptions: { baidu: { changeDegree: 5 } },
    });
    expect(submits[0]!.body).toMatchObject({ width: 720, height: 1280, image: Buffer.from(png).toString('base64'), change_degree: 5 });
    expect(result.warnings).toEqual([
      { type: 'unsupported-setting', setting: 'seed', details: 'ERNIE-ViLG has no such parameter' },
      { type: 'other', message: "1 image(s) failed or did not pass Baidu's content review" },
    ]);
    expect(polls[0]!.body).toEqual({ task_id: '1727937239739167541' });
  });

  it('resumes a task by id without submitting', async () => {
    serveToken();
    const submits = serve('post', SUBMIT_URL, verbatim('txt2imgv2-success'));
    const polls = serve('post', POLL_URL, verbatim('getimgv2-success'));
    const events: JobProgressEvent[] = [];
    const result = await vilg().doGenerate({ prompt: undefined, n: 1, resume: { jobId: TASK_ID }, onProgress: (event) => events.push(event) });
    expect(submits).toHaveLength(0);
    expect(polls[0]!.text).toBe(`{"task_id":"${TASK_ID}"}`);
    expect(result.images).toHaveLength(2);
    expect(events[0]).toEqual({ jobId: TASK_ID, status: 'resumed', progress: undefined });
  });

  it('fails with JobFailedError naming the task when the task fails', async () => {
    serveToken();
    serve('post', SUBMIT_URL, verbatim('txt2imgv2-success'));
    serve('post', POLL_URL, verbatim('getimgv2-running'), verbatim('getimgv2-failed'));
    const error = await vilg().doGenerate({ prompt: '一只猫', n: 1 }).catch((caught: unknown) => caught);
    expect(JobFailedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ jobId: TASK_ID, status: 'failed', reason: 'sub_task_error_code 501', provider: 'baidu.image' });
  });

  it('fails when every image was blocked by review', async () => {
    serveToken();
    serve('post', SUBMIT_URL, verbatim('txt2imgv2-success'));
    serve('post', POLL_URL, verbatim('getimgv2-blocked'));
    const error = await vilg().doGenerate({ prompt: '一只猫', n: 1 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AI_JobFailedError', jobId: TASK_ID, status: 'blocked' });
  });

  it('maps a submit error_code (HTTP 200) with its flagged words to APICallError', async () => {
    serveToken();
    const polls = serve('post', POLL_URL, verbatim('getimgv2-success'));
    serve('post', SUBMIT_URL, verbatim('txt2imgv2-error-sensitive'));
    const error = await vilg().doGenerate({ prompt: '……', n: 1 }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: '282004', isRetryable: false, url: `${SUBMIT_URL}?access_token=***` });
    expect((error as Error).message).toContain('flagged words: 暴力');
    expect(polls).toHaveLength(0);
  });

  it('retries a QPS-limited poll and refreshes an expired token while polling', async () => {
    const tokens = serveToken(json('oauth-token'), json('oauth-token-refreshed'));
    serve('post', SUBMIT_URL, verbatim('txt2imgv2-success'));
    const polls = serve('post', POLL_URL, json('txt2imgv2-error-18', { headers: { 'retry-after-ms': '0' } }), json('chat-v1-error-111'), verbatim('getimgv2-success'));
    const result = await vilg().doGenerate({ prompt: '一只猫', n: 1 });
    expect(result.images).toHaveLength(2);
    expect(polls).toHaveLength(3);
    expect(tokens).toHaveLength(2);
  });

  it('fails with InvalidResponseError (carrying the task id) when a poll answer has no task_status', async () => {
    serveToken();
    serve('post', SUBMIT_URL, verbatim('txt2imgv2-success'));
    serve('post', POLL_URL, json('oauth-token'));
    const error = await vilg().doGenerate({ prompt: '一只猫', n: 1 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'AI_InvalidResponseError', jobId: TASK_ID });
  });

  it('rejects sizes ERNIE-ViLG does not render, and over-long prompts, before any request', async () => {
    const tokens = serveToken();
    await expect(vilg().doGenerate({ prompt: '猫', n: 1, size: '1000x1000' })).rejects.toMatchObject({ name: 'AI_InvalidArgumentError', argument: 'size' });
    await expect(vilg().doGenerate({ prompt: '猫', n: 1, aspectRatio: '4:3' })).rejects.toMatchObject({ argument: 'aspectRatio' });
    await expect(vilg().doGenerate({ prompt: '猫'.repeat(201), n: 1 })).rejects.toMatchObject({ argument: 'prompt' });
    expect(tokens).toHaveLength(0);
  });

  it('resumes through generateImage({ resume })', async () => {
    serveToken();
    const submits = serve('post', SUBMIT_URL, verbatim('txt2imgv2-success'));
    const polls = serve('post', POLL_URL, verbatim('getimgv2-running'), verbatim('getimgv2-success'));
    server.use(http.get('http://aigc-t2p.bj.bcebos.com/artist-long/:file', () => new HttpResponse(png, { headers: { 'content-type': 'image/png' } })));
    const { images, providerMetadata } = await generateImage({ model: vilg(), resume: { jobId: TASK_ID } });
    expect(images).toHaveLength(2);
    expect(providerMetadata.baidu).toMatchObject({ taskId: TASK_ID });
    expect(submits).toHaveLength(0);
    expect(polls.map((poll) => poll.body)).toEqual([{ task_id: TASK_ID }, { task_id: TASK_ID }]);
  });

  it('works through generateImage, which downloads the images', async () => {
    serveToken();
    serve('post', SUBMIT_URL, verbatim('txt2imgv2-success'));
    serve('post', POLL_URL, verbatim('getimgv2-success'));
    const downloads: string[] = [];
    server.use(
      http.get('http://aigc-t2p.bj.bcebos.com/artist-long/:file', ({ request }) => {
        downloads.push(request.url);
        return new HttpResponse(png, { headers: { 'content-type': 'image/png' } });
      }),
    );
    const events: JobProgressEvent[] = [];
    const { images, warnings } = await generateImage({ model: vilg(), prompt: '睡莲和锦鲤', n: 2, onProgress: (event) => events.push(event) });
    expect(images).toHaveLength(2);
    expect(images[0]!.uint8Array).toEqual(png);
    expect(images[0]!.mediaType).toBe('image/png');
    expect(downloads).toHaveLength(2);
    expect(warnings).toHaveLength(1);
    expect(events.at(-1)).toEqual({ jobId: TASK_ID, status: 'succeeded', progress: 1 });
  });
});
