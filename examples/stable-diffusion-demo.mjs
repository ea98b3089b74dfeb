// Stable Diffusion end to end: Stability AI (a seeded image, a content-filter
// warning) and a self-hosted AUTOMATIC1111 WebUI (a batch with progress).
// Run: `node examples/stable-diffusion-demo.mjs` (after `npm run build`).
// STABILITY_API_KEY selects Stability AI, A1111_BASE_URL your WebUI; each
// missing one is played by the local emulator.
import { generateImage } from 'aigc';
import { createAutomatic1111, createStability } from 'aigc/stability';
import { pathToFileURL } from 'node:url';
import { startEmulator } from './emulator/server.mjs';

/** Runs the Stable Diffusion steps; `emulatorURL` stands in for whichever service is not configured; `step(title)` prints a heading. */
export async function runStableDiffusion(emulatorURL, step = (title) => console.log(`\n── ${title} ──`)) {
  const liveStability = Boolean(process.env.STABILITY_API_KEY);
  const stability = liveStability ? createStability() : createStability({ baseURL: emulatorURL, apiKey: 'emulator-key' });
  step(`generateImage: Stability AI ${liveStability ? '' : '(emulator) '}core, seeded`);
  const first = await generateImage({ model: stability('core'), prompt: 'a lighthouse on a cliff, golden hour', aspectRatio: '16:9', seed: 42 });
  const { seeds, finishReasons } = first.providerMetadata.stability;
  console.log(`${first.image.mediaType}, ${first.image.uint8Array.length} bytes (seed ${seeds[0]}, finish ${finishReasons[0]})`);

  if (!liveStability) {
    step('generateImage: a filtered result is never silent');
    const filtered = await generateImage({ model: stability('core'), prompt: 'a statue, nsfw' });
    for (const warning of filtered.warnings) console.log(`warning: ${warning.message ?? warning.details}`);
  }

  const liveWebUI = Boolean(process.env.A1111_BASE_URL);
  const webui = liveWebUI ? createAutomatic1111() : createAutomatic1111({ baseURL: emulatorURL, progressIntervalMs: 10 });
  step(`generateImage: AUTOMATIC1111 ${liveWebUI ? '' : '(emulator) '}txt2img batch with progress`);
  const batch = await generateImage({
    model: webui.image(),
    prompt: 'a cozy cabin, snow, (masterpiece:1.2)',
    negativePrompt: 'lowres',
    size: '512x512',
    n: 2,
    onProgress: ({ status, progress }) => console.log(`  ${status} ${progress === undefined ? '' : `${Math.round(progress * 100)}%`}`),
  });
  console.log(`${batch.images.length} image(s) from ${batch.responses[0].modelId}, seeds ${batch.providerMetadata.automatic1111.seeds.join(', ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const emulator = await startEmulator();
  try {
    await runStableDiffusion(emulator.url);
  } finally {
    await emulator.close();
  }
}
