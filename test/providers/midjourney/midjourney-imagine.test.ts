import { describe, expect, it } from 'vitest';
import { APICallError, InvalidArgumentError, JobFailedError, LoadAPIKeyError } from '../../../src/errors/index.js';
import type { JobProgressEvent } from '../../../src/provider/index.js';
import { generateImage } from '../../../src/generate-image/index.js';
import { createMidjourney } from '../../../providers/midjourney/index.js';
import { BASE_URL, SECRET, empty, fixture, json, serveSubmit, serveTask } from './handlers.js';
import { callOptions, provider, rejection } from './setup.js';

const JOB = '1689231405853400';

describe('MidjourneyImageModel.doGenerate (imagine)', () => {
  it('submits the prompt with parameters appended, polls to SUCCESS and returns the grid URL', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-ok'));
    const polls = serveTask(JOB, json('task-imagine-submitted'), json('task-imagine-in-progress'), json('task-imagine-success'));
    const events: JobProgressEvent[] = [];

    const result = await provider()('v7').doGenerate(callOptions({
      prompt: 'a cat astronaut, cinematic',
      aspectRatio: '16:9',
      seed: 1234,
      negativePrompt: 'text, watermark',
      onProgress: (event) => events.push(event),
    }));

    expect(submits).toHaveLength(1);
    expect(submits[0]).toMatchObject({
      url: `${BASE_URL}/submit/imagine`,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'mj-api-secret': SECRET },
      body: { prompt: 'a cat astronaut, cinematic --ar 16:9 --seed 1234 --no text, watermark --v 7' },
    });
    expect(Object.keys(submits[0]!.body)).toEqual(['prompt']);
    expect(polls.map((request) => [request.method, request.url, request.headers['mj-api-secret']])).toEqual([
      ['GET', `${BASE_URL}/task/${JOB}/fetch`, SECRET],
      ['GET', `${BASE_URL}/task/${JOB}/fetch`, SECRET],
      ['GET', `${BASE_URL}/task/${JOB}/fetch`, SECRET],
    ]);
    expect(result.images).toEqual([{ type: 'url', url: 'https://cdn.discordapp.com/attachments/1/2/grid_0.png' }]);
    expect(result.warnings).toEqual([]);
    expect(result.response).toMatchObject({ id: JOB, modelId: 'v7', timestamp: new Date(1689231498316), headers: { 'x-proxy': 'midjourney-proxy' } });
    expect(result.providerMetadata?.midjourney).toMatchObject({
      jobId: JOB,
      action: 'IMAGINE',
      grid: true,
      split: false,
      finalPrompt: 'a cat astronaut, cinematic --ar 16:9 --v 7',
      buttons: [],
    });
    expect(events).toEqual([
      { jobId: JOB, status: 'submitted', progress: 0 },
      { jobId: JOB, status: 'in_progress', progress: 0.45, preview: 'https://cdn.discordapp.com/attachments/1/2/grid_preview.webp' },
      { jobId: JOB, status: 'success', progress: 1 },
    ]);
  });

  it('reports progress that only increases, from "0%" through "100%"', async () => {
    serveSubmit('imagine', json('submit-imagine-ok'));
    const steps = ['0%', '12%', '45%', '45%', '87%'].map((progress) => json('task-imagine-in-progress', { progress }));
    const polls = serveTask(JOB, ...steps, json('task-imagine-success'));
    const events: JobProgressEvent[] = [];

    await provider()('v7').doGenerate(callOptions({ prompt: 'a cat', onProgress: (event) => events.push(event) }));

    expect(polls).toHaveLength(6);
    expect(events.map((event) => [event.status, event.progress])).toEqual([
      ['submitted', 0],
      ['in_progress', 0],
      ['in_progress', 0.12],
      ['in_progress', 0.45],
      ['in_progress', 0.87],
      ['success', 1],
    ]);
    expect(events.every((event) => event.jobId === JOB)).toBe(true);
  });

  it('does not repeat parameters the prompt already has and warns about the settings it left out', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-success'));

    const result = await provider()('niji-6').doGenerate(callOptions({
      prompt: 'a fox —aspect 2:3 --no trees --niji 5 --stylize 50',
      aspectRatio: '16:9',
      negativePrompt: 'text',
      providerOptions: { midjourney: { parameters: { s: 100, chaos: 20, tile: true, weird: false, style: 'raw' } } },
    }));

    expect(submits[0]!.body.prompt).toBe('a fox —aspect 2:3 --no trees --niji 5 --stylize 50 --chaos 20 --tile --style raw');
    expect(result.warnings.map((warning) => warning.type === 'unsupported-setting' && warning.setting)).toEqual([
      'aspectRatio',
      'negativePrompt',
      'providerOptions.midjourney.parameters.s',
      'model',
    ]);
  });

  it('sends --niji for niji models and raw parameter strings as written', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-success'));

    await provider()('niji-6').doGenerate(callOptions({ prompt: 'a fox', providerOptions: { midjourney: { parameters: '--q 2 --sref 123' } } }));

    expect(submits[0]!.body).toEqual({ prompt: 'a fox --q 2 --sref 123 --niji 6' });
  });

  it('maps size to --ar with a warning, and sends no version for the default model', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-success'));

    const result = await provider()('default').doGenerate(callOptions({ prompt: 'a fox', size: '1792x1024' }));

    expect(submits[0]!.body).toEqual({ prompt: 'a fox --ar 7:4' });
    expect(result.warnings).toEqual([{ type: 'unsupported-setting', setting: 'size', details: 'Midjourney has no pixel sizes; sent as --ar 7:4' }]);
  });

  it('passes notifyHook and state through and warns that n > 1 with split off still makes one grid', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-success'));

    const result = await provider()('v7').doGenerate(callOptions({
      prompt: 'a fox',
      n: 4,
      providerOptions: { midjourney: { notifyHook: 'https://example.com/mj-hook', state: 'user-42', split: false } },
    }));

    expect(submits[0]!.body).toEqual({ prompt: 'a fox --v 7', notifyHook: 'https://example.com/mj-hook', state: 'user-42' });
    expect(result.images).toEqual([{ type: 'url', url: 'https://cdn.discordapp.com/attachments/1/2/grid_0.png' }]);
    expect(result.warnings).toEqual([expect.objectContaining({ type: 'unsupported-setting', setting: 'n' })]);
  });

  it('accepts code 22 (queued) and polls the queued job', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-queued'));
    const polls = serveTask(JOB, json('task-imagine-success'));

    const result = await provider()('v7').doGenerate(callOptions({ prompt: 'a fox' }));

    expect(submits).toHaveLength(1);
    expect(submits[0]).toMatchObject({ url: `${BASE_URL}/submit/imagine`, headers: { 'mj-api-secret': SECRET }, body: { prompt: 'a fox --v 7' } });
    expect(polls.map((request) => request.url)).toEqual([`${BASE_URL}/task/${JOB}/fetch`]);
    expect(result.response.id).toBe(JOB);
  });

  it('turns a refused submit (code 24, banned prompt) into APICallError with the code and banned word, without polling', async () => {
    serveSubmit('imagine', json('submit-imagine-banned'));

    const error = await rejection(provider()('v7').doGenerate(callOptions({ prompt: 'a bloody cat' })));

    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: '24', statusCode: undefined, isRetryable: false, url: `${BASE_URL}/submit/imagine` });
    expect(error.message).toContain('可能包含敏感词 (banned word: bloody)');
  });

  it('marks code 23 (queue full) as retryable', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-queue-full'));

    const error = await rejection(provider()('v7').doGenerate(callOptions({ prompt: 'a fox' })));

    expect(submits[0]!.body).toEqual({ prompt: 'a fox --v 7' });
    expect(error).toMatchObject({ name: 'AI_APICallError', code: '23', isRetryable: true });
  });

  it('throws JobFailedError with the job id and failReason on FAILURE', async () => {
    serveSubmit('imagine', json('submit-imagine-ok'));
    const polls = serveTask(JOB, json('task-imagine-in-progress'), json('task-imagine-failure'));

    const error = await rejection(provider()('v7').doGenerate(callOptions({ prompt: 'a fox --foo' })));

    expect(polls).toHaveLength(2);
    expect(JobFailedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ jobId: JOB, status: 'FAILURE', reason: '[Invalid parameter] Unrecognized parameter(s): `--foo`', provider: 'midjourney.image' });
    expect(error.message).toContain(JOB);
  });

  it('fails a task stuck in MODAL instead of polling until the proxy times out', async () => {
    serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-in-progress', { status: 'MODAL' }));

    const error = await rejection(provider()('v7').doGenerate(callOptions({ prompt: 'a fox' })));

    expect(error).toMatchObject({ name: 'AI_JobFailedError', jobId: JOB, status: 'MODAL' });
    expect(error.reason).toContain('remix');
  });

  it('sends the secret only as mj-api-secret and keeps it out of errors (401 with an empty body)', async () => {
    const submits = serveSubmit('imagine', empty(401));

    const error = await rejection(provider()('v7').doGenerate(callOptions({ prompt: 'a fox' })));

    expect(submits[0]!.headers['mj-api-secret']).toBe(SECRET);
    expect(submits[0]!.url).not.toContain(SECRET);
    expect(error).toMatchObject({ name: 'AI_APICallError', statusCode: 401, code: '401', isRetryable: false });
    expect(error.message).toContain('apiSecret');
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(String(error.stack)).not.toContain(SECRET);
  });

  it('scrubs the secret from an error body that echoes it', async () => {
    serveSubmit('imagine', () => new Response(JSON.stringify({ code: 4, description: `bad secret ${SECRET}` }), { status: 400 }));

    const error = await rejection(provider()('v7').doGenerate(callOptions({ prompt: 'a fox' })));

    expect(error).toMatchObject({ statusCode: 400, code: '4' });
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(error.message).not.toContain(SECRET);
    expect(error.responseBody).not.toContain(SECRET);
  });

  it('retries a 503 during polling without submitting again', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-ok'));
    // retry-after-ms: 0 keeps the test from sleeping through the engine's backoff.
    const polls = serveTask(JOB, () => new Response(null, { status: 503, headers: { 'retry-after-ms': '0' } }), json('task-imagine-success'));

    const result = await provider()('v7').doGenerate(callOptions({ prompt: 'a fox' }));

    expect(submits).toHaveLength(1);
    expect(polls).toHaveLength(2);
    expect(result.response.id).toBe(JOB);
  });

  it('stops polling on abort and rethrows the caller\'s reason untouched', async () => {
    serveSubmit('imagine', json('submit-imagine-ok'));
    const polls = serveTask(JOB, json('task-imagine-in-progress'));
    const controller = new AbortController();
    const reason = new Error('user went away');

    const error = await rejection(provider()('v7').doGenerate(callOptions({
      prompt: 'a fox',
      abortSignal: controller.signal,
      onProgress: (event) => {
        if (event.progress === 0.45) controller.abort(reason);
      },
    })));

    expect(error).toBe(reason);
    expect(polls).toHaveLength(1);
  });

  it('names the job in the TimeoutError of generateImage, so the job can be resumed', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(JOB, json('task-imagine-in-progress'));

    const error = await rejection(generateImage({ model: provider({ pollIntervalMs: 5 })('v7'), prompt: 'a fox', timeout: 60, maxRetries: 0 }));

    expect(submits).toHaveLength(1);
    expect(error).toMatchObject({ name: 'TimeoutError', jobId: JOB });
    expect(error.message).toContain(`resume: { jobId: '${JOB}' }`);
  });

  it('reads MIDJOURNEY_PROXY_URL and MIDJOURNEY_PROXY_SECRET at call time and sends no secret when none is set', async () => {
    const previous = { url: process.env.MIDJOURNEY_PROXY_URL, secret: process.env.MIDJOURNEY_PROXY_SECRET };
    const model = createMidjourney({ pollIntervalMs: 1 })('v7');
    try {
      delete process.env.MIDJOURNEY_PROXY_URL;
      delete process.env.MIDJOURNEY_PROXY_SECRET;
      const missing = await rejection(model.doGenerate(callOptions({ prompt: 'a fox' })));
      expect(LoadAPIKeyError.isInstance(missing)).toBe(true);
      expect(missing).toMatchObject({ setting: 'baseURL', environmentVariable: 'MIDJOURNEY_PROXY_URL' });

      process.env.MIDJOURNEY_PROXY_URL = `${BASE_URL}/`;
      const anonymous = serveSubmit('imagine', json('submit-imagine-ok'));
      serveTask(JOB, json('task-imagine-success'));
      await model.doGenerate(callOptions({ prompt: 'a fox' }));
      expect(anonymous[0]!.url).toBe(`${BASE_URL}/submit/imagine`);
      expect(anonymous[0]!.headers).not.toHaveProperty('mj-api-secret');

      process.env.MIDJOURNEY_PROXY_SECRET = 'env-secret-123456';
      const withSecret = serveSubmit('imagine', json('submit-imagine-ok'));
      await model.doGenerate(callOptions({ prompt: 'a fox' }));
      expect(withSecret[0]!.headers['mj-api-secret']).toBe('env-secret-123456');
    } finally {
      restore('MIDJOURNEY_PROXY_URL', previous.url);
      restore('MIDJOURNEY_PROXY_SECRET', previous.secret);
    }
  });

  it('rejects bad input before any request', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-ok'));
    const model = provider()('v7');
    const cases: Array<[Parameters<typeof model.doGenerate>[0], string]> = [
      [callOptions({ prompt: '  ' }), 'prompt'],
      [callOptions({ prompt: 'a fox', seed: -1 }), 'seed'],
      [callOptions({ prompt: 'a fox', providerOptions: { midjourney: { splitt: true } } }), 'providerOptions.midjourney.splitt'],
      [callOptions({ prompt: 'a fox', providerOptions: { midjourney: { notifyHook: 'ftp://x' } } }), 'providerOptions.midjourney.notifyHook'],
      [callOptions({ prompt: 'a fox', providerOptions: { midjourney: { parameters: { 'bad name': 1 } } } }), 'providerOptions.midjourney.parameters.bad name'],
    ];
    for (const [options, argument] of cases) {
      const error = await rejection(model.doGenerate(options));
      expect(InvalidArgumentError.isInstance(error), argument).toBe(true);
      expect(error.argument).toBe(argument);
    }
    expect(submits).toHaveLength(0);
    expect(() => provider()('gpt-4o')).toThrow(expect.objectContaining({ argument: 'modelId' }));
    expect(() => provider().languageModel('v7')).toThrow(expect.objectContaining({ name: 'AI_UnsupportedFunctionalityError' }));
  });

  it('serves the same model from the callable, image() and imageModel()', () => {
    const midjourney = provider();
    for (const model of [midjourney('v7'), midjourney.image('v7'), midjourney.imageModel('v7')]) {
      expect(model).toMatchObject({ specificationVersion: 'v1', provider: 'midjourney.image', modelId: 'v7', maxImagesPerCall: 4 });
    }
    expect(fixture('submit-imagine-ok').result).toBe(JOB);
  });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
