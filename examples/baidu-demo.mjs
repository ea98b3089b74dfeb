// Baidu end to end: ERNIE chat (streamed), ERNIE-ViLG with job progress,
// then a speech round trip (TTS to WAV, then short ASR of that WAV).
// Run: `node examples/baidu-demo.mjs` (after `npm run build`). With
// QIANFAN_API_KEY or BAIDU_CLIENT_ID/BAIDU_CLIENT_SECRET set it calls Baidu;
// otherwise the local emulator.
import { generateImage, speak, streamText, transcribe } from 'aigc';
import { createBaidu } from 'aigc/baidu';
import { pathToFileURL } from 'node:url';
import { startEmulator } from './emulator/server.mjs';

/** Runs the Baidu steps; `emulatorURL` is used when no Baidu credentials are set; `step(title)` prints a heading. */
export async function runBaidu(emulatorURL, step = (title) => console.log(`\n── ${title} ──`)) {
  const live = Boolean(process.env.QIANFAN_API_KEY || (process.env.BAIDU_CLIENT_ID && process.env.BAIDU_CLIENT_SECRET));
  const baidu = live
    ? createBaidu()
    : createBaidu({ baseURL: `${emulatorURL}/baidu`, apiKey: 'emulator-key', clientId: 'emulator-id', clientSecret: 'emulator-secret' });
  console.log(live ? '\nUsing Baidu (credentials found in the environment).' : '\nOffline: Baidu is played by the emulator.');

  step('streamText: 文心一言 ERNIE');
  const model = baidu('ernie-speed-128k');
  const result = streamText({ model, prompt: '用一句话介绍北京。' });
  for await (const delta of result.textStream) process.stdout.write(delta);
  console.log(`\n(api: ${model.api}, finish: ${await result.finishReason}, tokens: ${(await result.usage).totalTokens})`);

  if (live && !process.env.BAIDU_CLIENT_ID) return console.log('(ERNIE-ViLG and speech need BAIDU_CLIENT_ID and BAIDU_CLIENT_SECRET; skipped)');

  step('generateImage: 文心一格 ERNIE-ViLG (a polled job)');
  const { images, providerMetadata } = await generateImage({
    model: baidu.image('ernie-vilg-v2', live ? {} : { pollIntervalMs: 100 }),
    prompt: '睡莲和锦鲤，国画风格',
    aspectRatio: '16:9',
    onProgress: ({ jobId, status, progress }) => console.log(`  task ${jobId}: ${status} ${progress === undefined ? '' : `${Math.round(progress * 100)}%`}`),
  });
  console.log(`${images.length} image(s), ${images[0].mediaType}, ${images[0].uint8Array.length} bytes (task ${providerMetadata.baidu.taskId})`);

  step('speak → transcribe: Baidu TTS to WAV, then short ASR');
  const { audio } = await speak({ model: baidu.speech('tts'), text: '北京科技馆。', voice: '度小美', format: 'wav' });
  console.log(`TTS: ${audio.mediaType}, ${audio.uint8Array.length} bytes`);
  const { text } = await transcribe({ model: baidu.transcription('mandarin'), audio: audio.uint8Array, mediaType: 'audio/wav' });
  console.log(`ASR: ${text}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const emulator = await startEmulator();
  try {
    await runBaidu(emulator.url);
  } finally {
    await emulator.close();
  }
}
