import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/errors/index.js';
import type { JobProgressEvent } from '../../../src/provider/index.js';
import { BASE_URL, SECRET, json, serveSubmit, serveTask } from './handlers.js';
import { callOptions, provider, rejection } from './setup.js';

const PARENT = '1689231405853400';
const CHILD = '1689231577423100';
const HASH = '0a1b2c3d-aaaa-bbbb-cccc-1234567890ab';

describe('MidjourneyImageModel.doGenerate (actions)', () => {
  it.each([
    ['upscale', 2, { taskId: PARENT, action: 'UPSCALE', index: 2 }],
    ['variation', 3, { taskId: PARENT, action: 'VARIATION', index: 3 }],
    ['reroll', undefined, { taskId: PARENT, action: 'REROLL' }],
  ] as const)('runs %s through /submit/change on the open-source proxy', async (type, index, body) => {
    const changes = serveSubmit('change', json('submit-imagine-ok', { result: CHILD }));
    const polls = serveTask(CHILD, json('task-upscale-success', { action: type === 'upscale' ? 'UPSCALE' : type.toUpperCase() }));

    const result = await provider({ api: 'open-source' })('v7').doGenerate(callOptions({ action: { jobId: PARENT, type, index } }));

    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ url: `${BASE_URL}/submit/change`, method: 'POST', headers: { 'mj-api-secret': SECRET } });
    expect(changes[0]!.body).toEqual(body);
    expect(polls.map((request) => request.url)).toEqual([`${BASE_URL}/task/${CHILD}/fetch`]);
    expect(result.response.id).toBe(CHILD);
    expect(result.providerMetadata?.midjourney).toMatchObject({ jobId: CHILD, grid: type !== 'upscale' });
    expect(result.images).toEqual([{ type: 'url', url: 'https://cdn.discordapp.com/attachments/1/2/upscaled_2.png' }]);
  });

  it('uses /submit/change by default (api auto) without fetching the parent', async () => {
    const changes = serveSubmit('change', json('submit-imagine-ok', { result: CHILD }));
    const parent = serveTask(PARENT, json('task-imagine-success-plus'));
    serveTask(CHILD, json('task-upscale-success'));

    await provider()('v7').doGenerate(callOptions({ action: { jobId: PARENT, type: 'upscale', index: 1 } }));

    expect(changes[0]!.body).toEqual({ taskId: PARENT, action: 'UPSCALE', index: 1 });
    expect(parent).toHaveLength(0);
  });

  it.each([
    ['upscale', 2, `MJ::JOB::upsample::2::${HASH}`],
    ['variation', 4, `MJ::JOB::variation::4::${HASH}`],
    ['reroll', undefined, `MJ::JOB::reroll::0::${HASH}::SOLO`],
  ] as const)('runs %s through /submit/action with the parent button customId on Plus proxies', async (type, index, customId) => {
    const parent = serveTask(PARENT, json('task-imagine-success-plus'));
    const actions = serveSubmit('action', json('submit-imagine-ok', { result: CHILD }));
    serveTask(CHILD, json('task-upscale-success-plus'));

    const result = await provider({ api: 'plus' })('v7').doGenerate(callOptions({
      action: { jobId: PARENT, type, index },
      providerOptions: { midjourney: { notifyHook: 'https://example.com/hook', state: 's-1' } },
    }));

    expect(parent).toHaveLength(1);
    expect(parent[0]).toMatchObject({ method: 'GET', url: `${BASE_URL}/task/${PARENT}/fetch`, headers: { 'mj-api-secret': SECRET } });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ url: `${BASE_URL}/submit/action`, headers: { 'content-type': 'application/json', 'mj-api-secret': SECRET } });
    expect(actions[0]!.body).toEqual({ taskId: PARENT, customId, notifyHook: 'https://example.com/hook', state: 's-1' });
    expect(result.providerMetadata?.midjourney).toMatchObject({
      jobId: CHILD,
      grid: false,
      customIds: expect.arrayContaining([`MJ::Outpaint::50::1::9f8e7d6c-aaaa-bbbb-cccc-1234567890ab::SOLO`]),
    });
  });

  it('switches to /submit/action per call with providerOptions.midjourney.api', async () => {
    serveTask(PARENT, json('task-imagine-success-plus'));
    const actions = serveSubmit('action', json('submit-imagine-ok', { result: CHILD }));
    const changes = serveSubmit('change', json('submit-imagine-ok', { result: CHILD }));
    serveTask(CHILD, json('task-upscale-success-plus'));

    await provider()('v7').doGenerate(callOptions({ action: { jobId: PARENT, type: 'variation', index: 2 }, providerOptions: { midjourney: { api: 'plus' } } }));

    expect(changes).toHaveLength(0);
    expect(actions.map((request) => request.body)).toEqual([{ taskId: PARENT, customId: `MJ::JOB::variation::2::${HASH}` }]);
  });

  it('sends other action types by button label, and raw custom ids as given, through /submit/action', async () => {
    serveTask(CHILD, json('task-upscale-success-plus'));
    const actions = serveSubmit('action', json('submit-imagine-ok', { result: '1689231600000000' }));
    serveTask('1689231600000000', json('task-imagine-success'));

    await provider()('v7').doGenerate(callOptions({ action: { jobId: CHILD, type: 'Zoom Out 2x' } }));
    await provider()('v7').doGenerate(callOptions({ action: { jobId: CHILD, type: 'MJ::CustomZoom::abc' } }));

    expect(actions.map((request) => request.body)).toEqual([
      { taskId: CHILD, customId: 'MJ::Outpaint::50::1::9f8e7d6c-aaaa-bbbb-cccc-1234567890ab::SOLO' },
      { taskId: CHILD, customId: 'MJ::CustomZoom::abc' },
    ]);
  });

  it('names the available buttons when the parent has no matching one', async () => {
    const parent = serveTask(CHILD, json('task-upscale-success-plus'));
    const actions = serveSubmit('action', json('submit-imagine-ok'));

    const error = await rejection(provider({ api: 'plus' })('v7').doGenerate(callOptions({ action: { jobId: CHILD, type: 'upscale', index: 1 } })));

    expect(parent).toHaveLength(1);
    expect(actions).toHaveLength(0);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error.message).toContain('Upscale (Subtle), Vary (Subtle), Zoom Out 2x');
  });

  it('polls the existing task when the proxy answers 21 (already exists)', async () => {
    const changes = serveSubmit('change', json('submit-change-exists'));
    const polls = serveTask(CHILD, json('task-upscale-success'));

    const result = await provider()('v7').doGenerate(callOptions({ action: { jobId: PARENT, type: 'upscale', index: 2 } }));

    expect(changes[0]!.body).toEqual({ taskId: PARENT, action: 'UPSCALE', index: 2 });
    expect(polls).toHaveLength(1);
    expect(result.response.id).toBe(CHILD);
  });

  it('turns a 404 for an expired parent into APICallError with code 3', async () => {
    serveSubmit('change', json('submit-change-not-found', {}, 404));

    const error = await rejection(provider()('v7').doGenerate(callOptions({ action: { jobId: 'gone', type: 'variation', index: 1 } })));

    expect(error).toMatchObject({ name: 'AI_APICallError', statusCode: 404, code: '3', url: `${BASE_URL}/submit/change` });
    expect(error.message).toContain('关联任务不存在或已失效');
  });

  it('warns about settings an action ignores and a reroll index', async () => {
    const changes = serveSubmit('change', json('submit-imagine-ok', { result: CHILD }));
    serveTask(CHILD, json('task-imagine-success'));

    const result = await provider()('v7').doGenerate(callOptions({ prompt: 'ignored', seed: 3, action: { jobId: PARENT, type: 'reroll', index: 2 } }));

    expect(changes[0]!.body).toEqual({ taskId: PARENT, action: 'REROLL' });
    expect(result.warnings.map((warning) => warning.type === 'unsupported-setting' && warning.setting)).toEqual(['prompt', 'seed', 'action.index']);
  });

  it('rejects bad actions before any request', async () => {
    const changes = serveSubmit('change', json('submit-imagine-ok'));
    const model = provider({ api: 'open-source' })('v7');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ jobId: PARENT, type: 'upscale' }, 'action.index'],
      [{ jobId: PARENT, type: 'variation', index: 5 }, 'action.index'],
      [{ jobId: '', type: 'upscale', index: 1 }, 'action.jobId'],
      [{ jobId: PARENT, type: 'Zoom Out 2x' }, 'action.type'],
    ];
    for (const [action, argument] of cases) {
      const error = await rejection(model.doGenerate(callOptions({ action: action as never })));
      expect(error.argument, JSON.stringify(action)).toBe(argument);
    }
    expect(changes).toHaveLength(0);
  });
});

describe('MidjourneyImageModel.doGenerate (resume)', () => {
  it('polls an existing job without submitting, reporting progress from the first poll', async () => {
    const imagine = serveSubmit('imagine', json('submit-imagine-ok'));
    const change = serveSubmit('change', json('submit-imagine-ok'));
    const polls = serveTask(PARENT, json('task-imagine-in-progress'), json('task-imagine-success'));
    const events: JobProgressEvent[] = [];

    const result = await provider()('v7').doGenerate(callOptions({ resume: { jobId: PARENT }, onProgress: (event) => events.push(event) }));

    expect(imagine).toHaveLength(0);
    expect(change).toHaveLength(0);
    expect(polls.map((request) => [request.url, request.headers['mj-api-secret']])).toEqual([
      [`${BASE_URL}/task/${PARENT}/fetch`, SECRET],
      [`${BASE_URL}/task/${PARENT}/fetch`, SECRET],
    ]);
    expect(events.map((event) => [event.status, event.progress])).toEqual([['resumed', undefined], ['in_progress', 0.45], ['success', 1]]);
    expect(result.images).toEqual([{ type: 'url', url: 'https://cdn.discordapp.com/attachments/1/2/grid_0.png' }]);
  });

  it('resolves an image path from a proxy that stores images itself against the proxy URL', async () => {
    const polls = serveTask(PARENT, json('task-imagine-success', { imageUrl: '/mj/attachments/grid_0.png' }));

    const result = await provider()('v7').doGenerate(callOptions({ resume: { jobId: PARENT } }));

    expect(polls[0]!.url).toBe(`${BASE_URL}/task/${PARENT}/fetch`);
    expect(result.images).toEqual([{ type: 'url', url: 'http://mj-proxy.test:8080/mj/attachments/grid_0.png' }]);
  });

  it('reports an unknown job (empty body) as a non-retryable APICallError naming it', async () => {
    const polls = serveTask('nope', () => new Response(null, { status: 200 }));

    const error = await rejection(provider()('v7').doGenerate(callOptions({ resume: { jobId: 'nope' } })));

    expect(polls).toHaveLength(1);
    expect(error).toMatchObject({ name: 'AI_APICallError', code: 'not_found', isRetryable: false, jobId: 'nope' });
    expect(error.message).toContain('nope');
  });
});
