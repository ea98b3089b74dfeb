// aigc end to end: `npm run demo`. With OPENAI_API_KEY set it calls OpenAI;
// without, it starts the local emulator and says so. Every step runs through
// the real provider code of the built package.
import { generateImage, generateObject, generateText, streamText } from 'aigc';
import { createMidjourney } from 'aigc/midjourney';
import { createOpenAI } from 'aigc/openai';
import { z } from 'zod';
import { runAzure } from './azure-demo.mjs';
import { runBaidu } from './baidu-demo.mjs';
import { startEmulator } from './emulator/server.mjs';
import { runOpenAIMedia } from './openai-media.mjs';
import { runStableDiffusion } from './stable-diffusion-demo.mjs';
import { runWeatherAssistant } from './weather-assistant.mjs';

const live = Boolean(process.env.OPENAI_API_KEY);
const emulator = live ? undefined : await startEmulator();
const openai = live ? createOpenAI() : createOpenAI({ baseURL: `${emulator.url}/v1`, apiKey: 'emulator-key' });
console.log(live ? 'Using OpenAI (OPENAI_API_KEY is set).' : `Offline: no OPENAI_API_KEY, so the demo talks to the local emulator at ${emulator.url}.`);

const model = openai('gpt-4o-mini');
const step = (title) => console.log(`\n── ${title} ──`);

try {
  step('generateText');
  const { text, usage } = await generateText({ model, system: 'Be brief.', prompt: '什么是AIGC？' });
  console.log(text);
  console.log(`(tokens: ${usage.inputTokens} in, ${usage.outputTokens} out)`);

  step('streamText');
  const result = streamText({ model, prompt: '用一句话介绍 AIGC。' });
  for await (const delta of result.textStream) process.stdout.write(delta);
  console.log(`\n(finish: ${await result.finishReason}, tokens: ${(await result.usage).totalTokens})`);

  step('generateObject (zod-validated)');
  const { object } = await generateObject({
    model,
    schema: z.object({ title: z.string(), tags: z.array(z.string()) }),
    prompt: 'Give a title and tags for an article about AIGC.',
  });
  console.log(object);

  step('tools: a weather assistant (two-step loop)');
  await runWeatherAssistant(model);

  await runOpenAIMedia(openai, step);

  step('generateImage: Midjourney through midjourney-proxy (progress, then an upscale)');
  const proxyURL = process.env.MIDJOURNEY_PROXY_URL;
  const mjEmulator = proxyURL || emulator ? undefined : await startEmulator();
  try {
    const midjourney = proxyURL ? createMidjourney() : createMidjourney({ baseURL: `${(emulator ?? mjEmulator).url}/mj`, apiSecret: 'emulator-secret', pollIntervalMs: 100 });
    console.log(proxyURL ? `Using the proxy at ${proxyURL}.` : 'Offline: a fake midjourney-proxy in the emulator.');
    const grid = await generateImage({
      model: midjourney('v7'),
      prompt: 'an apple, studio light',
      aspectRatio: '16:9',
      onProgress: ({ jobId, status, progress }) => console.log(`  job ${jobId}: ${status} ${progress === undefined ? '' : `${Math.round(progress * 100)}%`}`),
    });
    const jobId = grid.providerMetadata.midjourney.jobId;
    console.log(`grid: ${grid.image.mediaType}, ${grid.image.uint8Array.length} bytes`);
    const { image } = await generateImage({ model: midjourney('v7'), action: { jobId, type: 'upscale', index: 2 } });
    console.log(`upscale U2 of ${jobId}: ${image.mediaType}, ${image.uint8Array.length} bytes`);
  } finally {
    await mjEmulator?.close();
  }

  const baiduEmulator = emulator ? undefined : await startEmulator();
  try {
    await runBaidu((emulator ?? baiduEmulator).url, step);
  } finally {
    await baiduEmulator?.close();
  }

  const azureEmulator = emulator ? undefined : await startEmulator();
  try {
    await runAzure((emulator ?? azureEmulator).url, step);
  } finally {
    await azureEmulator?.close();
  }

  const sdEmulator = emulator ? undefined : await startEmulator();
  try {
    await runStableDiffusion((emulator ?? sdEmulator).url, step);
  } finally {
    await sdEmulator?.close();
  }
} finally {
  await emulator?.close();
}
