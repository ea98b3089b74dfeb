// midjourney-proxy wire format (WIRE.md §8): a fake proxy under any `…/mj` prefix.
// Each task advances one step per poll, SUBMITTED → IN_PROGRESS (progress %) → SUCCESS,
// so demos show progress without waiting. Finished images are a small PNG grid served here.
import { deflateSync } from 'node:zlib';
import { fixture, sendJson } from '../fixtures.mjs';

const STEPS = [
  { status: 'SUBMITTED', progress: '0%' },
  { status: 'IN_PROGRESS', progress: '25%' },
  { status: 'IN_PROGRESS', progress: '60%' },
  { status: 'IN_PROGRESS', progress: '90%' },
  { status: 'SUCCESS', progress: '100%' },
];
const GRID_ACTIONS = new Set(['IMAGINE', 'VARIATION', 'REROLL', 'BLEND']);
const tasks = new Map();
let nextId = 1_700_000_000_000_000;

/** A 2×2 grid (or one tile) of solid colours, 128 px a side, as PNG bytes. */
function png(grid) {
  const size = 128;
  const colours = grid ? [[230, 90, 60], [70, 160, 220], [120, 200, 90], [240, 200, 70]] : [[70, 160, 220]];
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const colour = grid ? colours[(y < size / 2 ? 0 : 2) + (x < size / 2 ? 0 : 1)] : colours[0];
      raw.set(colour, y * (size * 3 + 1) + 1 + x * 3);
    }
  }
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

const IMAGES = { grid: png(true), single: png(false) };

/** The real proxy answers 401 with an empty body when `mj-api-secret` is missing. */
function unauthorized(context) {
  if (context.request.headers['mj-api-secret']) return false;
  context.response.writeHead(401).end();
  return true;
}

function prefix(url) {
  return url.pathname.slice(0, url.pathname.indexOf('/submit/'));
}

function submit(context, action, fields) {
  const id = String(nextId++);
  const origin = `http://${context.request.headers.host}`;
  tasks.set(id, { id, action, polls: 0, origin, mj: prefix(context.url), ...fields });
  sendJson(context.response, 200, { ...fixture('midjourney', 'submit-imagine-ok'), result: id });
}

function taskView(task) {
  const step = STEPS[Math.min(task.polls, STEPS.length - 1)];
  task.polls++;
  const done = step.status === 'SUCCESS';
  const image = `${task.origin}${task.mj}/emulator/${GRID_ACTIONS.has(task.action) ? 'grid' : 'single'}.png`;
  const hash = `emulator-${task.id}`;
  return {
    id: task.id,
    action: task.action,
    status: step.status,
    prompt: task.prompt ?? '',
    promptEn: task.prompt ?? '',
    description: `/${task.action.toLowerCase()} ${task.prompt ?? ''}`.trim(),
    state: task.state ?? null,
    submitTime: 1_700_000_000_000,
    startTime: task.polls > 1 ? 1_700_000_001_000 : null,
    finishTime: done ? 1_700_000_030_000 : null,
    imageUrl: step.status === 'SUBMITTED' ? null : image,
    progress: step.progress,
    failReason: null,
    properties: { finalPrompt: task.action === 'DESCRIBE' ? fixture('midjourney', 'task-describe-success').properties.finalPrompt : task.prompt },
    buttons: done && GRID_ACTIONS.has(task.action)
      ? [1, 2, 3, 4].flatMap((index) => [
          { customId: `MJ::JOB::upsample::${index}::${hash}`, emoji: '', label: `U${index}`, type: 2, style: 2 },
          { customId: `MJ::JOB::variation::${index}::${hash}`, emoji: '', label: `V${index}`, type: 2, style: 2 },
        ]).concat([{ customId: `MJ::JOB::reroll::0::${hash}::SOLO`, emoji: '🔄', label: '', type: 2, style: 2 }])
      : [],
  };
}

/** The proxy's `/submit/change` action names, and the Plus customId kinds that map to them. */
const KINDS = { upsample: 'UPSCALE', variation: 'VARIATION', reroll: 'REROLL' };

export const routes = [
  {
    method: 'POST',
    match: (path) => path.endsWith('/submit/imagine'),
    handle(context) {
      if (unauthorized(context)) return;
      const body = context.json();
      if (!body.prompt?.trim()) return sendJson(context.response, 200, { code: 4, description: 'prompt不能为空', result: null, properties: {} });
      submit(context, 'IMAGINE', { prompt: body.prompt, state: body.state });
    },
  },
  {
    method: 'POST',
    match: (path) => path.endsWith('/submit/blend'),
    handle(context) {
      if (unauthorized(context)) return;
      const body = context.json();
      if (!Array.isArray(body.base64Array) || body.base64Array.length < 2) return sendJson(context.response, 200, { code: 4, description: 'base64List参数错误', result: null, properties: {} });
      submit(context, 'BLEND', { prompt: '', state: body.state });
    },
  },
  {
    method: 'POST',
    match: (path) => path.endsWith('/submit/describe'),
    handle(context) {
      if (unauthorized(context)) return;
      submit(context, 'DESCRIBE', { state: context.json().state });
    },
  },
  {
    method: 'POST',
    match: (path) => path.endsWith('/submit/change') || path.endsWith('/submit/action'),
    handle(context) {
      if (unauthorized(context)) return;
      const body = context.json();
      const parent = tasks.get(body.taskId);
      if (!parent) return sendJson(context.response, 404, { ...fixture('midjourney', 'submit-change-not-found') });
      const action = body.action ?? KINDS[String(body.customId ?? '').split('::')[2]] ?? 'UPSCALE';
      submit(context, action, { prompt: parent.prompt, state: body.state });
    },
  },
  {
    method: 'GET',
    match: (path) => /\/task\/[^/]+\/fetch$/.test(path),
    handle(context) {
      if (unauthorized(context)) return;
      const id = decodeURIComponent(context.url.pathname.split('/').at(-2));
      const task = tasks.get(id);
      if (!task) {
        context.response.writeHead(200, { 'content-length': '0' }).end();
        return;
      }
      sendJson(context.response, 200, taskView(task));
    },
  },
  {
    method: 'GET',
    match: (path) => /\/emulator\/(grid|single)\.png$/.test(path),
    handle(context) {
      const bytes = context.url.pathname.endsWith('grid.png') ? IMAGES.grid : IMAGES.single;
      context.response.writeHead(200, { 'content-type': 'image/png', 'content-length': bytes.length }).end(bytes);
    },
  },
];
