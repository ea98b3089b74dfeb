import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/errors/index.js';
import type { JobProgressEvent } from '../../../src/provider/index.js';
import { BASE_URL, SECRET, json, serveSubmit, serveTask } from './handlers.js';
import { callOptions, provider, rejection } from './setup.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const PNG_DATA_URL = 'data:image/png;base64,iVBORw0KGgoBAgM=';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9]);
const JPEG_DATA_URL = 'data:image/jpeg;base64,/9j/4AkJ';
const DESCRIBE_JOB = '1689232000000100';
const BLEND_JOB = '1689233000000200';

describe('midjourney.describe', () => {
  it('submits the image as a data URL, polls and splits the four suggested prompts', async () => {
    const submits = serveSubmit('describe', json('submit-describe-ok'));
    const polls = serveTask(DESCRIBE_JOB, json('task-describe-success', { status: 'IN_PROGRESS', progress: '50%' }), json('task-describe-success'));
    const events: JobProgressEvent[] = [];

    const result = await provider().describe({ image: PNG, state: 'd-1', onProgress: (event) => events.push(event) });

    expect(submits).toHaveLength(1);
    expect(submits[0]).toMatchObject({ url: `${BASE_URL}/submit/describe`, headers: { 'mj-api-secret': SECRET, 'content-type': 'application/json' } });
    expect(submits[0]!.body).toEqual({ base64: PNG_DATA_URL, state: 'd-1' });
    expect(polls.map((request) => request.url)).toEqual([`${BASE_URL}/task/${DESCRIBE_JOB}/fetch`, `${BASE_URL}/task/${DESCRIBE_JOB}/fetch`]);
    expect(result.jobId).toBe(DESCRIBE_JOB);
    expect(result.prompts).toEqual([
      'a ginger cat in a space suit, studio lighting --ar 1:1',
      'an orange tabby astronaut, cinematic still --ar 1:1',
      'cat astronaut portrait, soft rim light --ar 1:1',
      'a fluffy cat floating in orbit, retro poster --ar 1:1',
    ]);
    expect(result.text).toMatch(/^1️⃣ a ginger cat/);
    expect(result.imageUrl).toBe('https://cdn.discordapp.com/ephemeral-attachments/1/2/1689232000000100.png');
    expect(events.map((event) => event.progress)).toEqual([0, 0.5, 1]);
  });

  it('resumes a describe job without submitting', async () => {
    const submits = serveSubmit('describe', json('submit-describe-ok'));
    const polls = serveTask(DESCRIBE_JOB, json('task-describe-success'));

    const result = await provider().describe({ resume: { jobId: DESCRIBE_JOB } });

    expect(submits).toHaveLength(0);
    expect(polls).toHaveLength(1);
    expect(result.prompts).toHaveLength(4);
  });

  it('rejects a web URL, a missing image and bad settings before any request', async () => {
    const submits = serveSubmit('describe', json('submit-describe-ok'));

    const url = await rejection(provider().describe({ image: 'https://example.com/cat.png' }));
    const missing = await rejection(provider().describe({}));
    const timeout = await rejection(provider().describe({ image: PNG, timeout: -1 }));
    const resume = await rejection(provider().describe({ resume: { jobId: '' } }));

    expect(InvalidArgumentError.isInstance(url)).toBe(true);
    expect(url.argument).toBe('image');
    expect(missing.argument).toBe('image');
    expect(timeout.argument).toBe('timeout');
    expect(resume.argument).toBe('resume.jobId');
    expect(submits).toHaveLength(0);
  });
});

describe('MidjourneyImageModel.doGenerate (blend and image-to-image)', () => {
  it('blends 2-5 images through /submit/blend, mapping aspectRatio 3:2 to LANDSCAPE', async () => {
    const submits = serveSubmit('blend', json('submit-imagine-ok', { result: BLEND_JOB }));
    const imagine = serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask(BLEND_JOB, json('task-blend-success'));

    const result = await provider()('v7').doGenerate(callOptions({
      images: [{ data: PNG, mediaType: 'image/png' }, { data: JPEG, mediaType: 'image/jpeg' }],
      aspectRatio: '3:2',
      providerOptions: { midjourney: { blend: true, notifyHook: 'https://example.com/hook' } },
    }));

    expect(imagine).toHaveLength(0);
    expect(submits[0]).toMatchObject({ url: `${BASE_URL}/submit/blend`, headers: { 'mj-api-secret': SECRET } });
    expect(submits[0]!.body).toEqual({ base64Array: [PNG_DATA_URL, JPEG_DATA_URL], dimensions: 'LANDSCAPE', notifyHook: 'https://example.com/hook' });
    expect(result.warnings).toEqual([]);
    expect(result.providerMetadata?.midjourney).toMatchObject({ jobId: BLEND_JOB, action: 'BLEND', grid: true });
    expect(result.images).toEqual([{ type: 'url', url: 'https://cdn.discordapp.com/attachments/1/2/blend_grid.png' }]);
  });

  it('takes explicit dimensions, warns about an approximated ratio and an ignored prompt', async () => {
    const submits = serveSubmit('blend', json('submit-imagine-ok', { result: BLEND_JOB }));
    serveTask(BLEND_JOB, json('task-blend-success'));

    const result = await provider()('v7').doGenerate(callOptions({
      prompt: 'ignored',
      images: [{ data: PNG, mediaType: 'image/png' }, { data: PNG, mediaType: 'image/png' }],
      aspectRatio: '9:16',
      providerOptions: { midjourney: { blend: true } },
    }));
    const explicit = await provider()('v7').doGenerate(callOptions({
      images: [{ data: PNG, mediaType: 'image/png' }, { data: PNG, mediaType: 'image/png' }],
      providerOptions: { midjourney: { blend: true, dimensions: 'PORTRAIT' } },
    }));

    expect(submits.map((request) => request.body.dimensions)).toEqual(['PORTRAIT', 'PORTRAIT']);
    expect(result.warnings.map((warning) => warning.type === 'unsupported-setting' && warning.setting)).toEqual(['prompt', 'aspectRatio']);
    expect(explicit.warnings).toEqual([]);
  });

  it('rejects a blend of one image before any request', async () => {
    const submits = serveSubmit('blend', json('submit-imagine-ok'));

    const error = await rejection(provider()('v7').doGenerate(callOptions({ images: [{ data: PNG, mediaType: 'image/png' }], providerOptions: { midjourney: { blend: true } } })));

    expect(error).toMatchObject({ name: 'AI_InvalidArgumentError', argument: 'images' });
    expect(submits).toHaveLength(0);
  });

  it('sends input images as base64Array and image URLs as image prompts at the front', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask('1689231405853400', json('task-imagine-success'));

    await provider()('v7').doGenerate(callOptions({
      prompt: 'in the style of a woodcut',
      images: [{ data: PNG, mediaType: 'image/png' }, { data: new URL('https://example.com/ref.jpg'), mediaType: 'image/jpeg' }, { data: '/9j/4AkJ', mediaType: 'image/jpeg' }],
    }));

    expect(submits[0]!.body).toEqual({
      prompt: 'https://example.com/ref.jpg in the style of a woodcut --v 7',
      base64Array: [PNG_DATA_URL, JPEG_DATA_URL],
    });
  });

  it('sends botType NIJI_JOURNEY for niji models on Plus proxies only', async () => {
    const submits = serveSubmit('imagine', json('submit-imagine-ok'));
    serveTask('1689231405853400', json('task-imagine-success'));

    await provider({ api: 'plus' })('niji-6').doGenerate(callOptions({ prompt: 'a fox' }));
    await provider()('niji-6').doGenerate(callOptions({ prompt: 'a fox' }));

    expect(submits.map((request) => request.body)).toEqual([
      { prompt: 'a fox --niji 6', botType: 'NIJI_JOURNEY' },
      { prompt: 'a fox --niji 6' },
    ]);
  });
});
