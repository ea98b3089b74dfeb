// Cross-media with OpenAI: text→image (GPT-image base64 and a DALL·E URL that
// core downloads), text→speech (whole clip and streamed), speech→text.
// Writes what it produced to demo-output/ and prints the paths.
// Run: `node examples/openai-media.mjs` (after `npm run build`); offline
// against the emulator unless OPENAI_API_KEY is set.
import { generateImage, speak, streamSpeech, transcribe } from 'aigc';
import { createOpenAI } from 'aigc/openai';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startEmulator } from './emulator/server.mjs';

const OUTPUT = new URL('../demo-output/', import.meta.url);

async function save(name, bytes) {
  await mkdir(OUTPUT, { recursive: true });
  const path = join(OUTPUT.pathname, name);
  await writeFile(path, bytes);
  return path;
}

const extension = (mediaType) => ({ 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'audio/mpeg': 'mp3', 'audio/wav': 'wav' })[mediaType] ?? 'bin';

/** Runs the image, speech and transcription steps with `openai`; `step(title)` prints a heading. */
export async function runOpenAIMedia(openai, step = (title) => console.log(`\n── ${title} ──`)) {
  step('generateImage: gpt-image-1 (base64)');
  const apple = await generateImage({ model: openai.image('gpt-image-1'), prompt: 'an apple, studio light', size: '1024x1024', providerOptions: { openai: { quality: 'low' } } });
  console.log(`${apple.image.mediaType}, ${apple.image.uint8Array.length} bytes → ${await save(`openai-apple.${extension(apple.image.mediaType)}`, apple.image.uint8Array)}`);

  step('generateImage: dall-e-3 (a URL that aigc downloads, without your key)');
  const fox = await generateImage({ model: openai.image('dall-e-3'), prompt: 'a red fox in snow', size: '1024x1024' });
  console.log(`revised prompt: ${fox.providerMetadata.openai?.revisedPrompts?.[0]}`);
  console.log(`${fox.image.mediaType}, ${fox.image.uint8Array.length} bytes → ${await save(`openai-fox.${extension(fox.image.mediaType)}`, fox.image.uint8Array)}`);

  step('speak: gpt-4o-mini-tts');
  const { audio } = await speak({ model: openai.speech('gpt-4o-mini-tts'), text: 'Hello world. How are you?', voice: 'coral', format: 'mp3', instructions: 'Speak warmly.' });
  const speechPath = await save(`openai-hello.${extension(audio.mediaType)}`, audio.uint8Array);
  console.log(`${audio.mediaType}, ${audio.uint8Array.length} bytes → ${speechPath}`);

  step('streamSpeech: tts-1, wav, bytes as they arrive');
  const streamed = streamSpeech({ model: openai.speech('tts-1'), text: '你好，世界', voice: 'alloy', format: 'wav' });
  const chunks = [];
  for await (const bytes of streamed.audioStream) chunks.push(bytes);
  const total = chunks.reduce((sum, bytes) => sum + bytes.length, 0);
  console.log(`${chunks.length} chunks, ${total} bytes of ${await streamed.mediaType} → ${await save('openai-stream.wav', Buffer.concat(chunks))}`);

  step('transcribe: whisper-1 (the clip from speak)');
  const heard = await transcribe({ model: openai.transcription('whisper-1'), audio: audio.uint8Array, mediaType: audio.mediaType });
  console.log(`"${heard.text}" (language ${heard.language}, ${heard.durationInSeconds ?? '?'} s)`);
  for (const segment of heard.segments) console.log(`  ${segment.startSecond.toFixed(1)}–${segment.endSecond.toFixed(1)} s: ${segment.text}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const live = Boolean(process.env.OPENAI_API_KEY);
  const emulator = live ? undefined : await startEmulator();
  try {
    await runOpenAIMedia(live ? createOpenAI() : createOpenAI({ baseURL: `${emulator.url}/v1`, apiKey: 'emulator-key' }));
  } finally {
    await emulator?.close();
  }
}
