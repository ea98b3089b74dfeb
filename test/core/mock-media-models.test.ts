import { describe, expect, it } from 'vitest';
import { generateImage, speak, streamSpeech, transcribe } from '../../src/index.js';
import { MockImageModel, MockSpeechModel, MockTranscriptionModel, readAll } from '../../src/testing/index.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe('aigc/testing media mocks', () => {
  it('MockImageModel answers generateImage and records each split call', async () => {
    const model = new MockImageModel({ doGenerate: { images: [{ type: 'bytes', data: png }], warnings: [], response: {} } });
    const { images } = await generateImage({ model, prompt: 'an apple', n: 2 });
    expect(images.map((image) => image.mediaType)).toEqual(['image/png', 'image/png']);
    expect(model.calls.map((call) => [call.prompt, call.n])).toEqual([['an apple', 1], ['an apple', 1]]);
  });

  it('MockSpeechModel answers speak, and streamSpeech when given chunks', async () => {
    const model = new MockSpeechModel({
      maxTextLength: 10,
      doGenerate: { audio: new Uint8Array([0x49, 0x44, 0x33, 1]), warnings: [], response: {} },
      streamChunks: [new Uint8Array([1]), new Uint8Array([2])],
    });
    const { audio } = await speak({ model, text: '你好', voice: 'alloy' });
    expect(audio.mediaType).toBe('audio/mpeg');
    expect(model.calls[0]).toMatchObject({ text: '你好', voice: 'alloy' });
    expect(await readAll(streamSpeech({ model, text: 'hi' }).audioStream)).toEqual([new Uint8Array([1]), new Uint8Array([2])]);
    await expect(speak({ model, text: 'far too long for ten' })).rejects.toMatchObject({ name: 'AI_InvalidArgumentError' });
  });

  it('MockTranscriptionModel answers transcribe with the audio it received', async () => {
    const model = new MockTranscriptionModel({
      doTranscribe: { text: '你好', segments: [{ text: '你好', startSecond: 0, endSecond: 1 }], language: 'zh', durationInSeconds: 1, warnings: [], response: {} },
    });
    const result = await transcribe({ model, audio: new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45]) });
    expect(result.text).toBe('你好');
    expect(model.calls[0]!.mediaType).toBe('audio/wav');
  });
});
