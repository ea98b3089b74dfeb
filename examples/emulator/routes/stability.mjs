// Stable Diffusion wire formats: Stability AI v2beta/v1 (WIRE.md §6) and an
// AUTOMATIC1111 WebUI started with --api (WIRE.md §7). Images are small
// solid-colour PNGs whose colour follows the seed, so reruns with a seed match.
import { deflateSync } from 'node:zlib';
import { sendJson } from '../fixtures.mjs';

/** A solid-colour 64×64 PNG. */
function png(seed) {
  const size = 64;
  const colour = [seed & 0xff, (seed >>> 8) & 0xff, (seed >>> 16) & 0xff];
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) raw.set(colour, y * (size * 3 + 1) + 1 + x * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  let crc = 0xffffffff;
  for (const byte of body) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}

const randomSeed = () => Math.floor(Math.random() * 4_294_967_294) + 1;

function stabilityUnauthorized(context) {
  const auth = context.request.headers.authorization ?? '';
  if (auth.startsWith('Bearer ') && auth.length > 'Bearer '.length) return false;
  sendJson(context.response, 401, { id: 'emulator', name: 'unauthorized', errors: ['authorization: missing or invalid API key'] });
  return true;
}

async function formFields(context) {
  const request = new Request('http://emulator.local', { method: 'POST', headers: { 'content-type': context.request.headers['content-type'] ?? '' }, body: context.raw });
  return Object.fromEntries((await request.formData()).entries());
}

// Progress of the one generation the emulated WebUI is "running": it advances per poll.
let a1111Progress = 0;

function a1111Result(body) {
  const count = Math.max(1, Number(body.batch_size) || 1);
  const first = Number(body.seed) > 0 ? Number(body.seed) : randomSeed();
  const seeds = Array.from({ length: count }, (_, index) => first + index);
  const info = { prompt: body.prompt ?? '', seed: first, all_seeds: seeds, all_subseeds: seeds.map((seed) => seed + 1000), width: body.width ?? 512,
    height: body.height ?? 512, sd_model_name: body.override_settings?.sd_model_checkpoint ?? 'v1-5-pruned-emaonly', sd_model_hash: '6ce0161689',
    index_of_first_image: 0, infotexts: seeds.map((seed) => `${body.prompt ?? ''}\nSeed: ${seed}`) };
  return { images: seeds.map((seed) => png(seed).toString('base64')), parameters: body, info: JSON.stringify(info) };
}

export const routes = [
  {
    method: 'POST',
    match: (path) => /\/v2beta\/stable-image\/generate\/(core|ultra|sd3)$/.test(path),
    async handle(context) {
      if (stabilityUnauthorized(context)) return;
      const fields = await formFields(context);
      if (!fields.prompt) return sendJson(context.response, 400, { id: 'emulator', name: 'bad_request', errors: ['prompt: is required'] });
      const seed = Number(fields.seed) > 0 ? Number(fields.seed) : randomSeed();
      const filtered = /\bnsfw\b/i.test(String(fields.prompt));
      const bytes = png(filtered ? 0x808080 : seed);
      context.response.writeHead(200, { 'content-type': 'image/png', 'finish-reason': filtered ? 'CONTENT_FILTERED' : 'SUCCESS', seed: String(seed), 'x-request-id': 'req_emulator', 'content-length': bytes.length });
      context.response.end(bytes);
    },
  },
  {
    method: 'POST',
    match: (path) => /\/v1\/generation\/[^/]+\/text-to-image$/.test(path),
    async handle(context) {
      if (stabilityUnauthorized(context)) return;
      const body = context.json();
      const first = Number(body.seed) > 0 ? Number(body.seed) : randomSeed();
      const artifacts = Array.from({ length: Math.max(1, Number(body.samples) || 1) }, (_, index) => ({ base64: png(first + index).toString('base64'), seed: first + index, finishReason: 'SUCCESS' }));
      return sendJson(context.response, 200, { artifacts });
    },
  },
  {
    method: 'POST',
    match: (path) => /\/sdapi\/v1\/(txt2img|img2img)$/.test(path),
    async handle(context) {
      const body = context.json();
      if (context.url.pathname.endsWith('img2img') && !body.init_images?.length) {
        return sendJson(context.response, 404, { error: 'HTTPException', detail: 'Init image not found', body: '', errors: '' });
      }
      a1111Progress = 0;
      // Long enough for a client polling every few ms to see progress.
      await new Promise((resolve) => setTimeout(resolve, 60));
      a1111Progress = 0;
      return sendJson(context.response, 200, a1111Result(body), { 'x-process-time': '0.0600' });
    },
  },
  {
    method: 'GET',
    match: (path) => path.endsWith('/sdapi/v1/progress'),
    handle(context) {
      a1111Progress = Math.min(0.95, a1111Progress + 0.25);
      const step = Math.round(a1111Progress * 20);
      return sendJson(context.response, 200, {
        progress: a1111Progress, eta_relative: (1 - a1111Progress) * 2,
        state: { skipped: false, interrupted: false, job: 'scripts_txt2img', job_count: 1, job_timestamp: '20240101120000', job_no: 0, sampling_step: step, sampling_steps: 20 },
        current_image: null, textinfo: null,
      });
    },
  },
];
