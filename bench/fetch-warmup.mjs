// The fetch transport's per-call cost while the JIT warms up, without the network: `generateText` with the
// OpenAI model over a `fetch` stubbed to return a ready `Response`, against the referee's floor (`fetch` +
// `res.json()`) over the same stub. Rounds of 200 concurrent calls, as in the referee's concurrency scenario;
// prints CPU µs per call including JIT compiles and GC. Not a test: nothing here asserts a speed.
//
//   npx tsup && node bench/fetch-warmup.mjs aigc 11      # or: floor
//
// Timings of single processes drift by ±15 % on shared machines; compare medians of alternating runs, or
// count instructions, which is deterministic to ~0.5 % (docs/performance.md):
//
//   valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file=/dev/null \
//     node --single-threaded bench/fetch-warmup.mjs aigc 11        # minus the same with 1 round
//
// Bytes allocated per call: `node --trace-gc-nvp bench/fetch-warmup.mjs aigc 21` and sum the `allocated=`
// fields. Bytes a call keeps alive while it waits for `fetch` (what every scavenge copies when 200 calls
// are in flight): `node --expose-gc bench/fetch-warmup.mjs aigc in-flight`.
const [client = 'aigc', roundsArg = '11'] = process.argv.slice(2);
const inFlight = roundsArg === 'in-flight';
const rounds = inFlight ? 0 : Number(roundsArg);
const CONCURRENCY = 200;

const body = JSON.stringify({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
});
const headers = [['content-type', 'application/json'], ['content-length', String(body.length)], ['date', 'Sun, 29 Nov 2026 07:00:00 GMT']];
// A turn of the event loop, as a real response would take; no network.
globalThis.fetch = async () => {
  await null;
  return new Response(body, { status: 200, headers });
};

let complete;
if (client === 'floor') {
  complete = async (prompt) => {
    const res = await fetch('http://127.0.0.1:9/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench-0123456789' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] }),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()).choices[0].message.content;
  };
} else {
  const { generateText } = await import('../dist/index.js');
  const { createOpenAI } = await import('../dist/openai/index.js');
  // An injected fetch: the fetch transport, on every runtime.
  const model = createOpenAI({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk-bench-0123456789', fetch: (...args) => globalThis.fetch(...args) })('gpt-4o');
  complete = async (prompt) => (await generateText({ model, prompt })).text;
}

if ((await complete('Hi')) !== 'Hello there') throw new Error('unexpected text');
if (inFlight) await measureInFlight();
const cpu = process.cpuUsage();
for (let round = 0; round < rounds; round++) await Promise.all(Array.from({ length: CONCURRENCY }, () => complete('Hi')));
const used = process.cpuUsage(cpu);
console.log(`${client}: ${((used.user + used.system) / (rounds * CONCURRENCY)).toFixed(1)} µs CPU per call over ${rounds * CONCURRENCY} calls`);

/** Heap kept per call while 1,000 calls wait on a `fetch` that has not answered yet. */
async function measureInFlight() {
  if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
  const pending = [];
  const real = globalThis.fetch;
  globalThis.fetch = () => new Promise((resolve) => pending.push(resolve));
  const calls = 1000;
  for (let i = 0; i < 3; i++) globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const results = Array.from({ length: calls }, () => complete('Hi'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (let i = 0; i < 3; i++) globalThis.gc();
  const kept = (process.memoryUsage().heapUsed - before) / calls;
  globalThis.fetch = real;
  for (const resolve of pending) resolve(new Response(body, { status: 200, headers }));
  await Promise.all(results);
  console.log(`${client}: ${kept.toFixed(0)} B kept per call while ${pending.length} calls wait for fetch`);
  process.exit(0);
}
