// A local emulator of the provider APIs, for the offline demo and examples.
// It speaks each provider's wire format from the same fixtures the tests use,
// so every demo step runs through the real provider code.
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { routes as azureRoutes } from './routes/azure.mjs';
import { routes as baiduRoutes } from './routes/baidu.mjs';
import { routes as midjourneyRoutes } from './routes/midjourney.mjs';
import { routes as openaiRoutes } from './routes/openai.mjs';
import { routes as openaiMediaRoutes } from './routes/openai-media.mjs';
import { routes as stabilityRoutes } from './routes/stability.mjs';

/** Every provider's routes: { method, match(pathname) => boolean, handle(context) }. Add a provider by adding its module here. */
// Baidu's routes sit under /baidu/ and go first: OpenAI's matcher takes any path ending in /chat/completions.
const routes = [...baiduRoutes, ...azureRoutes, ...openaiRoutes, ...openaiMediaRoutes, ...midjourneyRoutes, ...stabilityRoutes];

/** Starts the emulator on 127.0.0.1 (a random port unless given); resolves to { url, close }. */
export function startEmulator({ port = 0, log = false } = {}) {
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const raw = Buffer.concat(chunks);
    const route = routes.find((candidate) => candidate.method === request.method && candidate.match(url.pathname));
    if (log) console.error(`[emulator] ${request.method} ${url.pathname}${route ? '' : ' (no route)'}`);
    if (!route) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `emulator: no route for ${request.method} ${url.pathname}`, type: 'not_found', param: null, code: null } }));
      return;
    }
    try {
      await route.handle({ request, response, url, raw, json: () => JSON.parse(raw.toString('utf8') || '{}') });
    } catch (error) {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `emulator: ${error.message}`, type: 'server_error', param: null, code: null } }));
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ url: `http://127.0.0.1:${actual}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const emulator = await startEmulator({ port: Number(process.env.PORT ?? 4010), log: true });
  console.log(`aigc emulator listening on ${emulator.url}`);
}
