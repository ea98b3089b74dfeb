// Helpers shared by the emulator's routes: fixtures from test/providers/<name>/fixtures.
import { readFileSync } from 'node:fs';

const root = new URL('../../test/providers/', import.meta.url);

/** A JSON fixture of a provider's tests. */
export const fixture = (provider, name) => JSON.parse(readFileSync(new URL(`${provider}/fixtures/${name}.json`, root), 'utf8'));

/** A `.chunks.txt` fixture: one SSE data payload per line. */
export const chunks = (provider, name) =>
  readFileSync(new URL(`${provider}/fixtures/${name}.chunks.txt`, root), 'utf8').split('\n').filter((line) => line.trim() !== '');

/** Sends a JSON body. */
export function sendJson(response, status, body, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Streams SSE `data:` frames with a small pause between them, so streaming is visible. */
export async function sendSse(response, payloads, { delayMs = 25, headers = {} } = {}) {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...headers });
  for (const payload of payloads) {
    if (response.destroyed) return;
    response.write(`data: ${payload}\n\n`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  response.end();
}
