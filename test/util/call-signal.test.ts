import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { generateText } from '../../src/index.js';
import { MockLanguageModel } from '../../src/testing/index.js';
import { createCallSignal } from '../../src/util/call-signal.js';

describe('createCallSignal', () => {
  // Regression (issue 11 fault matrix): the caller's signal went straight to fetch, and Node's
  // fetch leaves its abort listeners on it, piling up on a long-lived signal reused across calls.
  it('never hands the caller signal itself to the transport, and leaves no listener on it after dispose', () => {
    const caller = new AbortController();
    const call = createCallSignal(caller.signal, undefined);
    expect(call.signal).not.toBe(caller.signal);
    call.dispose();
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });

  it('aborts with the caller reason untouched', () => {
    const caller = new AbortController();
    const call = createCallSignal(caller.signal, undefined);
    const reason = new Error('stop');
    caller.abort(reason);
    expect(call.signal!.reason).toBe(reason);
  });

  it('needs no signal when there is nothing to abort', () => {
    expect(createCallSignal(undefined, undefined).signal).toBeUndefined();
  });

  it('keeps a long-lived caller signal clean across calls even when the model leaks listeners', async () => {
    const caller = new AbortController();
    // Like Node's fetch: a listener on the signal it was given, never removed.
    const model = new MockLanguageModel({
      doGenerate: async (options) => {
        options.abortSignal?.addEventListener('abort', () => {});
        return {
          content: [{ type: 'text', text: 'ok' }],
          finishReason: 'stop',
          usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
          warnings: [],
          response: { headers: {} },
        };
      },
    });
    for (let index = 0; index < 20; index++) await generateText({ model, prompt: 'hi', abortSignal: caller.signal });
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });
});
