// The fetch transport's cost per streamed event, without the network: `streamText` with the OpenAI model
// over a `fetch` stubbed to return the referee's stream body (20,000 `chat.completion.chunk` events, 32 per
// network chunk), against the referee's floor (`fetch` + eventsource-parser + `JSON.parse`) over the same
// stub. Not a test: nothing here asserts a speed.
//
//   npx tsup && node bench/fetch-stream.mjs aigc 14      # or: floor; prints CPU µs per event
//
// Timings drift by ±15 % on shared machines; count instructions instead, warm events only (14 streams
// minus 2, over 240,000 events), as in docs/performance.md ("the stream, per event"):
//
//   valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file=/dev/null \
//     node --single-threaded bench/fetch-stream.mjs aigc 14          # minus the same with 2
import { createParser } from 'eventsource-parser';

const [client = 'aigc', streamsArg = '14', eventsArg = '20000'] = process.argv.slice(2);
const streams = Number(streamsArg);
const n = Number(eventsArg);

const WORDS = ['The', ' quick', ' brown', ' fox', ' jumps', ' over', ' the', ' lazy', ' dog', '.', ' Hello', ' world', ',', ' streaming', ' token', ' test'];
const base = { id: 'chatcmpl-bench0000000000000000000000', object: 'chat.completion.chunk', created: 1700000000, model: 'gpt-4o-2024-08-06' };
const chunk = (delta, finishReason = null) =>
  JSON.stringify({ ...base, service_tier: 'default', system_fingerprint: 'fp_bench00000', choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }], usage: null });
const events = [`data: ${chunk({ role: 'assistant', content: '', refusal: null })}\n\n`];
for (let i = 0; i < n; i++) events.push(`data: ${chunk({ content: WORDS[i % WORDS.length] })}\n\n`);
events.push(`data: ${chunk({}, 'stop')}\n\n`);
events.push(`data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: 12, completion_tokens: n, total_tokens: 12 + n } })}\n\n`);
events.push('data: [DONE]\n\n');
const encoder = new TextEncoder();
const chunks = [];
for (let i = 0; i < events.length; i += 32) chunks.push(encoder.encode(events.slice(i, i + 32).join('')));

// A turn of the event loop before the answer, then the body one network chunk per pull, as undici delivers it.
globalThis.fetch = async () => {
  await null;
  let next = 0;
  const body = new ReadableStream({ type: 'bytes', pull: (controller) => (next < chunks.length ? controller.enqueue(chunks[next++].slice()) : controller.close()) });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
};

let stream;
if (client === 'floor') {
  stream = async (onDelta) => {
    const res = await fetch('http://127.0.0.1:9/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench-0123456789' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], stream: true, stream_options: { include_usage: true } }),
    });
    let done = false;
    const parser = createParser({
      onEvent(event) {
        if (event.data === '[DONE]') return void (done = true);
        const delta = JSON.parse(event.data).choices[0]?.delta?.content;
        if (delta) onDelta(delta);
      },
    });
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    if (!done) throw new Error('no [DONE]');
  };
} else {
  const { streamText } = await import('../dist/index.js');
  const { createOpenAI } = await import('../dist/openai/index.js');
  // An injected fetch: the fetch transport, on every runtime.
  const model = createOpenAI({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk-bench-0123456789', fetch: (...args) => globalThis.fetch(...args) })('gpt-4o');
  stream = async (onDelta) => {
    for await (const delta of streamText({ model, prompt: 'Hi' }).textStream) onDelta(delta);
  };
}

let chars = 0;
let want = 0;
for (let i = 0; i < n; i++) want += WORDS[i % WORDS.length].length;
const cpu = process.cpuUsage();
for (let s = 0; s < streams; s++) await stream((delta) => (chars += delta.length));
const used = process.cpuUsage(cpu);
if (chars !== want * streams) throw new Error(`${client}: got ${chars} characters, want ${want * streams}`);
console.log(`${client}: ${((used.user + used.system) / (streams * n)).toFixed(2)} µs CPU per event over ${streams} streams of ${n}`);
