import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { JobProgressEvent } from '../../../src/provider/index.js';
import { fixture, json, provider, serve } from './handlers.js';

/** Resolves once `count` progress polls have been answered, so the generation can "finish" only after them. */
function progressGate(count: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let served = 0;
  return { released, served: () => ++served >= count && release() };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('Automatic1111ImageModel progress', () => {
  it('polls /sdapi/v1/progress beside the pending txt2img and reports increasing progress', async () => {
    // released on the fifth poll: the client asks again only after handling the fourth
    const gate = progressGate(5);
    const sequence = ['progress-idle', 'progress-20', 'progress-56', 'progress-92'];
    const polls = serve('get', 'progress', (_request, index) => {
      gate.served();
      return HttpResponse.json(fixture(sequence[Math.min(index, sequence.length - 1)]!));
    });
    const generations = serve('post', 'txt2img', async () => {
      await gate.released;
      return json('txt2img-basic')({} as never, 0);
    });
    const events: JobProgressEvent[] = [];
    const result = await provider({ username: 'artist', password: 'hunter22' })
      .image()
      .doGenerate({ prompt: 'a cabin', n: 1, onProgress: (event) => events.push(event) });

    for (const poll of polls) expect(poll.headers.authorization).toBe(`Basic ${Buffer.from('artist:hunter22').toString('base64')}`);
    const taskId = generations[0]!.body.force_task_id;
    expect(taskId).toMatch(/^aigc-[0-9a-f-]{36}$/);
    expect(polls.length).toBeGreaterThanOrEqual(5);
    expect(polls[0]!.url).toBe('http://127.0.0.1:7860/sdapi/v1/progress?skip_current_image=true');
    expect(events).toEqual([
      { jobId: taskId, status: 'submitted', progress: 0 },
      { jobId: taskId, status: 'running', progress: 0.2 },
      { jobId: taskId, status: 'running', progress: 0.56 },
      { jobId: taskId, status: 'running', progress: 0.92 },
      { jobId: taskId, status: 'succeeded', progress: 1 },
    ]);
    expect(result.providerMetadata!.automatic1111!.taskId).toBe(taskId);
    expect(result.warnings).toEqual([]);

    const after = polls.length;
    for (let turn = 0; turn < 5; turn++) await nextTurn();
    expect(polls.length).toBe(after);
  });

  it('never reports progress going backwards and passes live previews as data URLs', async () => {
    const gate = progressGate(4);
    const sequence = ['progress-56', 'progress-20', 'progress-92'];
    const polls = serve('get', 'progress', (_request, index) => {
      gate.served();
      return HttpResponse.json(fixture(sequence[Math.min(index, sequence.length - 1)]!));
    });
    serve('post', 'txt2img', async () => {
      await gate.released;
      return json('txt2img-basic')({} as never, 0);
    });
    const events: JobProgressEvent[] = [];
    await provider().image().doGenerate({
      prompt: 'a cabin',
      n: 1,
      providerOptions: { automatic1111: { livePreview: true } },
      onProgress: (event) => events.push(event),
    });
    expect(polls[0]!.url).toContain('skip_current_image=false');
    const progress = events.map((event) => event.progress!);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(events[1]).toEqual({ jobId: expect.any(String), status: 'running', progress: 0.56, preview: `data:image/png;base64,${fixture('progress-56').current_image}` });
  });

  it('does not poll progress or send a task id without onProgress', async () => {
    const polls = serve('get', 'progress', () => HttpResponse.json(fixture('progress-20')));
    const generations = serve('post', 'txt2img', json('txt2img-basic'));
    await provider().image().doGenerate({ prompt: 'a cabin', n: 1 });
    expect(polls).toHaveLength(0);
    expect(generations[0]!.body).not.toHaveProperty('force_task_id');
  });

  it('keeps generating when progress fails, and reports that as a warning', async () => {
    const gate = progressGate(1);
    const polls = serve('get', 'progress', () => {
      gate.served();
      return HttpResponse.json(fixture('error-404-sampler'), { status: 500 });
    });
    serve('post', 'txt2img', async () => {
      await gate.released;
      return json('txt2img-basic')({} as never, 0);
    });
    const result = await provider().image().doGenerate({ prompt: 'a cabin', n: 1, onProgress: () => {} });
    expect(polls).toHaveLength(1);
    expect(result.images).toHaveLength(1);
    expect(result.warnings).toEqual([{ type: 'other', message: expect.stringMatching(/^progress unavailable, stopped polling \/sdapi\/v1\/progress: GET .* failed with 500/) }]);
  });

  it('stops polling when the caller aborts, rethrowing the reason untouched', async () => {
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const polls = serve('get', 'progress', () => HttpResponse.json(fixture('progress-20')));
    serve('post', 'txt2img', async () => {
      await hold;
      return json('txt2img-basic')({} as never, 0);
    });
    const events: JobProgressEvent[] = [];
    const error = await provider()
      .image()
      .doGenerate({
        prompt: 'a cabin',
        n: 1,
        abortSignal: controller.signal,
        onProgress: (event) => {
          events.push(event);
          if (event.status === 'running') controller.abort(reason);
        },
      })
      .catch((caught) => caught);
    release();
    expect(error).toBe(reason);
    const after = polls.length;
    for (let turn = 0; turn < 5; turn++) await nextTurn();
    expect(polls.length).toBe(after);
    expect(events.map((event) => event.status)).toEqual(['submitted', 'running']);
  });
});
