// The smoke run every runtime executes against the local emulator: the public
// functions through the OpenAI provider, imported from the packed package.
// Plain JavaScript so each runtime runs it as is; each function reports its
// result, or that it is not exported yet, or the error it threw.
import { z } from 'zod';
import { providerCalls } from './providers.mjs';

/** A 0.1 s silent 16 kHz mono WAV, built here so no runtime needs a file. */
function silentWav() {
  const samples = 1600;
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset, text) => [...text].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 16000, true);
  view.setUint32(28, 32000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  return bytes;
}

const describeError = (error) => ({
  name: error?.name,
  message: String(error?.message ?? error),
  stack: typeof error?.stack === 'string' ? error.stack.split('\n').slice(0, 6).join('\n') : undefined,
});

/**
 * Runs every public function once. `aigc` and `openaiModule` are the module
 * namespaces of `aigc` and `aigc/openai`; `entries` maps every exports entry
 * (`aigc/baidu`, …) to its namespace; `baseURL` is the emulator's origin.
 * Resolves to `{ runtime, entries: { [specifier]: names[] }, results: { [fn]: result }, providers: { [specifier]: result } }`,
 * each result `{ status, value?, reason?, error? }`.
 */
export async function runSmoke({ aigc, openaiModule, entries, baseURL, runtime }) {
  const openai = openaiModule.createOpenAI({ baseURL: `${baseURL}/v1`, apiKey: 'smoke-key' });
  const results = {};
  const run = async (name, missing, body) => {
    if (missing) {
      results[name] = { status: 'missing', reason: missing };
      return;
    }
    try {
      results[name] = { status: 'ok', value: await body() };
    } catch (error) {
      results[name] = { status: 'error', error: describeError(error) };
    }
  };
  const need = (fn, factory) =>
    typeof aigc[fn] !== 'function' ? `${fn} is not exported from aigc yet`
    : factory && typeof openai[factory] !== 'function' ? `openai.${factory}() is not available yet`
    : undefined;

  await run('generateText', need('generateText'), async () => {
    const { text, usage, finishReason } = await aigc.generateText({ model: openai('gpt-4o-mini'), prompt: '什么是AIGC？' });
    return { text, usage, finishReason };
  });
  await run('streamText', need('streamText'), async () => {
    const result = aigc.streamText({ model: openai('gpt-4o-mini'), prompt: '用一句话介绍 AIGC。' });
    const deltas = [];
    for await (const delta of result.textStream) deltas.push(delta);
    return { deltas, text: await result.text, finishReason: await result.finishReason, usage: await result.usage };
  });
  await run('generateObject', need('generateObject'), async () => {
    const { object } = await aigc.generateObject({
      model: openai('gpt-4o-mini'),
      schema: z.object({ title: z.string(), tags: z.array(z.string()) }),
      prompt: 'Title and tags for an article about AIGC',
    });
    return { object };
  });
  await run('streamObject', need('streamObject'), async () => {
    const result = aigc.streamObject({
      model: openai('gpt-4o-mini'),
      schema: z.object({ title: z.string(), tags: z.array(z.string()) }),
      prompt: 'Title and tags for an article about AIGC',
    });
    const partials = [];
    for await (const partial of result.partialObjectStream) partials.push(partial);
    return { partials: partials.length, object: await result.object };
  });
  await run('generateImage', need('generateImage', 'image'), async () => {
    const { image, images } = await aigc.generateImage({ model: openai.image('gpt-image-1'), prompt: 'an apple, studio light', size: '1024x1024' });
    return { count: images.length, mediaType: image.mediaType, byteLength: image.uint8Array.byteLength, base64Head: image.base64.slice(0, 16) };
  });
  await run('speak', need('speak', 'speech'), async () => {
    const { audio } = await aigc.speak({ model: openai.speech('gpt-4o-mini-tts'), text: '你好，世界', voice: 'alloy', format: 'mp3' });
    return { mediaType: audio.mediaType, byteLength: audio.uint8Array.byteLength };
  });
  await run('streamSpeech', need('streamSpeech', 'speech'), async () => {
    const { audioStream } = aigc.streamSpeech({ model: openai.speech('gpt-4o-mini-tts'), text: '你好，世界', voice: 'alloy', format: 'mp3' });
    let chunks = 0;
    let byteLength = 0;
    for await (const bytes of audioStream) {
      chunks += 1;
      byteLength += bytes.byteLength;
    }
    return { chunks, byteLength };
  });
  await run('transcribe', need('transcribe', 'transcription'), async () => {
    const { text, language } = await aigc.transcribe({ model: openai.transcription('whisper-1'), audio: silentWav() });
    return { text, language };
  });
  // Every other provider entry: one call each (app/providers.mjs).
  const providers = {};
  for (const [specifier, module] of Object.entries(entries)) {
    if (['aigc', 'aigc/openai', 'aigc/testing'].includes(specifier)) continue;
    const call = providerCalls[specifier];
    if (!call) {
      providers[specifier] = { status: 'missing', reason: `no smoke call for ${specifier} in test/runtimes/app/providers.mjs yet` };
      continue;
    }
    try {
      providers[specifier] = { status: 'ok', value: await call({ aigc, module, baseURL }) };
    } catch (error) {
      providers[specifier] = { status: 'error', error: describeError(error) };
    }
  }
  const entryNames = Object.fromEntries(Object.entries(entries).map(([specifier, namespace]) => [specifier, Object.keys(namespace).sort()]));
  return { runtime, entries: entryNames, results, providers };
}
