import { http, HttpResponse } from 'msw';
import { createAutomatic1111 } from '../../../providers/stability/index.js';
import { server } from '../../support/msw-server.js';
import { readFixture } from '../../support/sse.js';

export const BASE_URL = 'http://127.0.0.1:7860';
const fixtures = new URL('./fixtures/', import.meta.url);

/** A request as it reached the wire. */
export interface CapturedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: any;
}

type Reply = (request: CapturedRequest, index: number) => Response | Promise<Response>;

/** A JSON fixture by name. */
export const fixture = (name: string): any => readFixture(new URL(`${name}.json`, fixtures));

/** A provider for the local WebUI with a 1 ms progress interval. */
export const provider = (settings: Parameters<typeof createAutomatic1111>[0] = {}) =>
  createAutomatic1111({ baseURL: BASE_URL, progressIntervalMs: 1, ...settings });

/** Serves `method /sdapi/v1/<route>` with successive replies (the last repeats) and records every request. */
export function serve(method: 'get' | 'post', route: string, ...replies: Reply[]): CapturedRequest[] {
  const requests: CapturedRequest[] = [];
  server.use(
    http[method](`${BASE_URL}/sdapi/v1/${route}`, async ({ request }) => {
      const captured: CapturedRequest = {
        url: request.url,
        method: request.method,
        headers: Object.fromEntries(request.headers),
        body: method === 'post' ? await request.json() : undefined,
      };
      const index = requests.push(captured) - 1;
      return replies[Math.min(index, replies.length - 1)]!(captured, index);
    }),
  );
  return requests;
}

/** A JSON reply from a fixture. */
export const json = (name: string, status = 200): Reply => () =>
  HttpResponse.json(fixture(name), { status, headers: { 'x-process-time': '3.2100' } });
