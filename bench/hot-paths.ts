/**
 * Micro-benchmarks of aigc's hot paths, run by `npm run bench` (bench/run.mjs
 * bundles this file from source with esbuild and times it with tinybench).
 * No network: bodies come from memory, or from a node:http server on
 * 127.0.0.1 for the transport rows. These guide profiling; the referee
 * harness (docs/performance.md) is where targets are judged.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bench } from 'tinybench';
import { createOpenAI } from '../providers/openai/index.js';
import { loadNodeFetch } from '../src/http/node/load-node-fetch.js';
import { readJson, sendRequest } from '../src/http/send-request.js';
import { generateText, streamText } from '../src/index.js';
import { parseSseStream } from '../src/stream/parse-sse-stream.js';
import { partBatchesOf } from '../src/stream/read-parts.js';
import { base64ToUint8Array, uint8ArrayToBase64 } from '../src/util/base64.js';
import { decodeBase64Natively } from '../src/http/node/decode-base64.js';

const EVENTS = 2_000;
const encoder = new TextEncoder();

/** A chat.completion.chunk like the real API's (and the referee mock's). */
const chunk = (content: string) =>
  JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-4o',
    system_fingerprint: 'fp_bench',
    choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }],
  });
const sseText = `${Array.from({ length: EVENTS }, (_, index) => `data: ${chunk(`word${index} `)}\n\n`).join('')}data: ${JSON.stringify({ id: 'chatcmpl-bench', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`;
const sseBytes = encoder.encode(sseText);
const completion = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello! How can I assist you today?' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 9, total_tokens: 18 },
});

/** The SSE bytes in 8 KiB network chunks (about 30 events each, as the referee mock writes them). */
function sseBody(): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= sseBytes.length) return controller.close();
      controller.enqueue(sseBytes.subarray(offset, (offset += 8192)));
    },
  });
}

const sseFetch = async () => new Response(sseBody(), { headers: { 'content-type': 'text/event-stream' } });
const jsonFetch = async () => new Response(completion, { headers: { 'content-type': 'application/json' } });
const streamModel = createOpenAI({ apiKey: 'sk-bench-0123456789', baseURL: 'http://127.0.0.1:9/v1', fetch: sseFetch })('gpt-4o');
const jsonModel = createOpenAI({ apiKey: 'sk-bench-0123456789', baseURL: 'http://127.0.0.1:9/v1', fetch: jsonFetch })('gpt-4o');

const passThrough = { onEvent: (event: { data: string }, controller: TransformStreamDefaultController<string>) => controller.enqueue(event.data) };

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(completion));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
const nodeFetch = await loadNodeFetch();
const post = (fetch: typeof globalThis.fetch) => async () => {
  const { response, context } = await sendRequest({ provider: 'bench', url, headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench-0123456789' }, body: '{"model":"gpt-4o"}', fetch });
  await readJson(response, context);
};

const base64Image = uint8ArrayToBase64(new Uint8Array(3 * 1024 * 1024).map((_, index) => index * 7));

const bench = new Bench({ name: 'aigc hot paths', time: 1_000, warmup: true });
bench
  .add(`parseSseStream, ${EVENTS} events, batch lane`, async () => {
    const stream = parseSseStream(sseBody(), passThrough, { provider: 'bench' });
    const batches = partBatchesOf(stream)!;
    while (await batches.readParts());
  })
  .add(`parseSseStream, ${EVENTS} events, reader`, async () => {
    const reader = parseSseStream(sseBody(), passThrough, { provider: 'bench' }).getReader();
    while (!(await reader.read()).done);
  })
  .add(`streamText textStream, ${EVENTS} chunks (SSE → JSON → parts)`, async () => {
    for await (const _ of streamText({ model: streamModel, prompt: 'Hi' }).textStream);
  })
  .add(`streamText fullStream, ${EVENTS} chunks`, async () => {
    const reader = streamText({ model: streamModel, prompt: 'Hi' }).fullStream.getReader();
    while (!(await reader.read()).done);
  })
  .add('generateText, in-memory JSON reply (core + provider)', async () => {
    await generateText({ model: jsonModel, prompt: 'Hi' });
  })
  .add('sendRequest + readJson, node:http transport, 127.0.0.1', post(nodeFetch))
  .add('sendRequest + readJson, global fetch, 127.0.0.1', post(globalThis.fetch))
  .add('base64ToUint8Array, 4 MiB of base64, portable decoder (edge, browsers)', () => {
    base64ToUint8Array(base64Image);
  })
  .add('base64, 4 MiB, Node build (Buffer through #transport)', () => {
    decodeBase64Natively(base64Image);
  });

await bench.run();
server.close();
console.log(`${bench.name} (node ${process.version}); per-chunk rows: divide by ${EVENTS}`);
console.table(bench.table());
process.exit(0);
