import { http, HttpResponse } from 'msw';
import { server } from '../../support/msw-server.js';
import { readFixture } from '../../support/sse.js';

export const BASE_URL = 'http://mj-proxy.test:8080/mj';
export const SECRET = 'mj-secret-7f3a9c2e41b8';
const fixtures = new URL('./fixtures/', import.meta.url);

/** A request as it reached the wire. */
export interface CapturedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: any;
}

/** A JSON fixture by name. */
export const fixture = (name: string): any => readFixture(new URL(`${name}.json`, fixtures));

type Reply = (request: CapturedRequest, index: number) => Response | Promise<Response>;

async function capture(request: Request): Promise<CapturedRequest> {
  const text = request.method === 'GET' ? '' : await request.text();
  return { url: request.url, method: request.method, headers: Object.fromEntries(request.headers), body: text ? JSON.parse(text) : undefined };
}

function serve(method: 'get' | 'post', url: string, replies: Reply[]): CapturedRequest[] {
  const requests: CapturedRequest[] = [];
  server.use(
    http[method](url, async ({ request }) => {
      const captured = await capture(request);
      const index = requests.push(captured) - 1;
      return replies[Math.min(index, replies.length - 1)]!(captured, index);
    }),
  );
  return requests;
}

/** Serves `POST {BASE_URL}/submit/{endpoint}` with successive replies (the last repeats) and records every request. */
export const serveSubmit = (endpoint: string, ...replies: Reply[]): CapturedRequest[] => serve('post', `${BASE_URL}/submit/${endpoint}`, replies);

/** Serves `GET {BASE_URL}/task/{id}/fetch` with successive replies (the last repeats). */
export const serveTask = (id: string, ...replies: Reply[]): CapturedRequest[] => serve('get', `${BASE_URL}/task/${id}/fetch`, replies);

/** Serves an image download. */
export const serveImage = (url: string, bytes: Uint8Array, contentType = 'image/png'): CapturedRequest[] =>
  serve('get', url, [() => new HttpResponse(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } })]);

/** A JSON reply from a fixture, optionally patched. */
export const json = (name: string, patch: Record<string, unknown> = {}, status = 200): Reply => () =>
  HttpResponse.json({ ...fixture(name), ...patch }, { status, headers: { 'x-proxy': 'midjourney-proxy' } });

/** A reply with an empty body (the proxy's 401, and its "no such task"). */
export const empty = (status: number): Reply => () => new HttpResponse(null, { status });
