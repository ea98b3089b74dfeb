// `npm run bench:media`: the two media figures of docs/performance.md, against the built package (dist/, so
// Node's `node` export condition applies as it does for users; run with `node --expose-gc`), each as a ratio to the fastest platform primitive
// for the same job in the same run. Not a test: nothing here asserts a speed.
//
// 1. Decoding a 4 MiB `b64_json` image: reading `image.uint8Array` of a generateImage result (the decode is lazy),
//    against `Buffer.from(text, 'base64')`.
// 2. Uploading 25 MB of audio for transcription over the default Node transport, against `http.request` sending a
//    ready-made multipart body of the same audio (nothing to encode: the floor for putting those bytes on the wire),
//    both to a node:http server on 127.0.0.1 that reads the whole body. Extra copies of the payload are read from
//    `process.memoryUsage().arrayBuffers` when the request reaches the server, over the audio itself.
import { Agent, createServer, request } from 'node:http';
import { generateImage, transcribe } from '../dist/index.js';
import { createOpenAI } from '../dist/openai/index.js';

const RUNS = Number(process.env.RUNS ?? 11);
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const time = async (fn) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};
/** For synchronous work: no `await`, which would also time whatever microtasks were queued before. */
const timeSync = (fn) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

// 1. base64
const image = new Uint8Array(4 * 1024 * 1024 * 0.75).map((_, index) => (index * 7) % 256);
const b64 = Buffer.from(image).toString('base64');
const imageReply = JSON.stringify({ created: 1, data: [{ b64_json: b64 }] });
const imageModel = createOpenAI({ apiKey: 'sk-bench-0123456789', fetch: async () => new Response(imageReply, { headers: { 'content-type': 'application/json' } }) }).image('gpt-image-1');
const ours = [];
const buffer = [];
const BATCH = 8;
for (let run = 0; run < RUNS; run++) {
  // A batch of images decoded back to back, every result kept alive, for both: timing single decodes measured the
  // allocator instead (the first 3 MiB allocation after a collection touches fresh pages and costs several times more).
  const files = [];
  for (let index = 0; index < BATCH; index++) files.push((await generateImage({ model: imageModel, prompt: 'bench' })).image);
  const texts = files.map(() => JSON.parse(imageReply).data[0].b64_json);
  const pair = [
    () => {
      globalThis.gc?.();
      const kept = [];
      ours.push(timeSync(() => files.forEach((file) => kept.push(file.uint8Array))) / BATCH);
    },
    () => {
      globalThis.gc?.();
      const kept = [];
      buffer.push(timeSync(() => texts.forEach((text) => kept.push(Buffer.from(text, 'base64')))) / BATCH);
    },
  ];
  for (const measure of run % 2 === 0 ? pair : pair.reverse()) measure();
}
const decodedOk = Buffer.from((await generateImage({ model: imageModel, prompt: 'bench' })).image.uint8Array).equals(Buffer.from(image));
console.log(`4 MiB b64_json decode: aigc ${median(ours).toFixed(2)} ms, Buffer.from ${median(buffer).toFixed(2)} ms (x${(median(ours) / median(buffer)).toFixed(2)})${decodedOk ? '' : ' WRONG BYTES'}`);

// 2. 25 MB upload
const AUDIO_BYTES = 25 * 1000 * 1000;
const audio = new Uint8Array(AUDIO_BYTES).map((_, index) => index % 253);
let arrivalArrayBuffers = 0;
let received = 0;
const server = createServer((req, res) => {
  arrivalArrayBuffers = process.memoryUsage().arrayBuffers;
  let bytes = 0;
  req.on('data', (chunk) => (bytes += chunk.length));
  req.on('end', () => {
    received = bytes;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"text":"ok"}');
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseURL = `http://127.0.0.1:${server.address().port}/v1`;
const model = createOpenAI({ apiKey: 'sk-bench-0123456789', baseURL }).transcription('gpt-4o-transcribe');

const boundary = '----aigcbench';
const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="audio.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`);
const tail = Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="model"\r\n\r\ngpt-4o-transcribe\r\n--${boundary}--\r\n`);
const readyBody = Buffer.concat([head, audio, tail]);
// The floor: node:http sending the finished body, on a keep-alive agent like aigc's.
const agent = new Agent({ keepAlive: true });
const primitive = () =>
  new Promise((resolve, reject) => {
    const req = request(`${baseURL}/audio/transcriptions`, { method: 'POST', agent, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': readyBody.length } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(readyBody);
  });

// The platform's own multipart upload, for reference: FormData with the audio as a Blob, sent by Node's fetch.
const platformForm = async () => {
  const form = new FormData();
  form.append('file', new Blob([audio], { type: 'audio/mpeg' }), 'audio.mp3');
  form.append('model', 'gpt-4o-transcribe');
  await (await fetch(`${baseURL}/audio/transcriptions`, { method: 'POST', body: form })).arrayBuffer();
};

/** Payload copies alive when the request reaches the server, over the audio itself (a separate, untimed pass). */
const copiesAtArrival = async (fn) => {
  globalThis.gc?.();
  const before = process.memoryUsage().arrayBuffers;
  await fn();
  return (arrivalArrayBuffers - before) / AUDIO_BYTES;
};
const upload = () => transcribe({ model, audio, mediaType: 'audio/mpeg' });
const times = { ours: [], ready: [], form: [] };
const jobs = { ours: upload, ready: primitive, form: platformForm };
for (const job of Object.values(jobs)) await job();
for (let run = 0; run < RUNS; run++) {
  // Rotated, so that no one always runs first after the others' garbage.
  const names = Object.keys(jobs);
  for (let index = 0; index < names.length; index++) {
    const name = names[(index + run) % names.length];
    times[name].push(await time(jobs[name]));
    if (name === 'ours' && received < AUDIO_BYTES) throw new Error(`the server got ${received} bytes`);
  }
}
const copies = [];
for (let run = 0; run < 3; run++) copies.push(await copiesAtArrival(upload));
server.close();
agent.destroy();
console.log(
  `25 MB transcription upload: aigc ${median(times.ours).toFixed(1)} ms, http.request with a ready body ${median(times.ready).toFixed(1)} ms ` +
    `(x${(median(times.ours) / median(times.ready)).toFixed(2)}), fetch with FormData ${median(times.form).toFixed(1)} ms (x${(median(times.ours) / median(times.form)).toFixed(2)}); ` +
    `extra payload copies alive when the request arrived: ${median(copies).toFixed(2)}`,
);
