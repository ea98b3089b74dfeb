import { describe, expect, it } from 'vitest';
import { streamSpeech } from '../../src/index.js';
import type { SpeechModel } from '../../src/provider/index.js';

describe('streamSpeech', () => {
  // Regression (issue 11 speech matrix): a provider stream that wraps the transport's abort
  // (the caller's reason) in its own error made streamSpeech throw that instead of the reason.
  it('rejects with the caller reason untouched when aborted mid-stream, whatever the provider stream threw', async () => {
    const model = {
      specificationVersion: 'v1',
      provider: 'mock.speech',
      modelId: 'mock',
      doGenerate: async () => {
        throw new Error('not used');
      },
      doStream: async (options: { abortSignal?: AbortSignal }) => {
        let sent = false;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (!sent) {
              sent = true;
              controller.enqueue(new Uint8Array([0xff, 0xfb, 0x90]));
              return;
            }
            return new Promise<void>((_resolve, reject) =>
              options.abortSignal!.addEventListener('abort', () => reject(new Error(`wrapped: ${String(options.abortSignal!.reason)}`))),
            );
          },
        });
        return { stream, mediaType: 'audio/mpeg', warnings: [], response: { timestamp: new Date(), modelId: 'mock' } };
      },
    } as unknown as SpeechModel;
    const controller = new AbortController();
    const reason = new Error('caller abort');
    const result = streamSpeech({ model, text: 'hi', abortSignal: controller.signal });
    const iterator = result.audioStream[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    const next = iterator.next();
    controller.abort(reason);
    await expect(next).rejects.toBe(reason);
  });
});
