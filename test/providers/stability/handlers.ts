import { http, HttpResponse } from 'msw';
import { createStability } from '../../../providers/stability/index.js';
import { server } from '../../support/msw-server.js';
import { readFixture } from '../../support/sse.js';
import { tinyPng } from './tiny-png.js';

export const BASE_URL = 'https://api.stability.ai';
export const API_KEY = 'sk-test-secret-key-123456';
const fixtures = new URL('./fixtures/', import.meta.url);

/** A file part as it reached the wire. */
export interface CapturedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** A request as it reached the wire: multipart fields and files, or a JSON body. */
export interface CapturedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  fields: Record<string, string>;
  files: Record<string, CapturedFile>;
  json: any;
}

type Reply = (request: CapturedRequest, index: number) => Response | Promise<Response>;

/** A JSON fixture by name. */
export const fixture = (name: string): any => readFixture(new URL(`${name}.json`, fixtures));

/** A provider pointed at the real host with a test key. */
export const provider = (settings: Parameters<typeof createStability>[0] = {}) => createStability({ apiKey: API_KEY, ...settings });

/** Serves `method path` with successive replies (the last repeats) and records every request. */
export function serve(method: 'get' | 'post', path: string, ...replies: Reply[]): CapturedRequest[] {
  const requests: CapturedRequest[] = [];
  server.use(
    http[method](`${BASE_URL}${path}`, async ({ request }) => {
      const captured: CapturedRequest = {
        url: request.url,
        method: request.method,
        headers: Object.fromEntries(request.headers),
        fields: {},
        files: {},
        json: undefined,
      };
      const type = request.headers.get('content-type') ?? '';
      if (type.startsWith('multipart/form-data')) {
        for (const [name, value] of await request.formData()) {
          if (typeof value === 'string') captured.fields[name] = value;
          else captured.files[name] = { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
        }
      } else if (type.includes('json')) {
        captured.json = await request.json();
      }
      const index = requests.push(captured) - 1;
      return replies[Math.min(index, replies.length - 1)]!(captured, index);
    }),
  );
  return requests;
}

/** An `Accept: image/*` answer: image bytes with Stability's `finish-reason` and `seed` headers. */
export const imageReply = (options: { bytes?: Uint8Array; finishReason?: string; seed?: string; contentType?: string } = {}): Reply => () =>
  new HttpResponse(options.bytes ?? tinyPng(), {
    status: 200,
    headers: {
      'content-type': options.contentType ?? 'image/png',
      'finish-reason': options.finishReason ?? 'SUCCESS',
      seed: options.seed ?? '343940597',
      'x-request-id': 'req_3c1e5f7a',
    },
  });

/** A JSON answer from a fixture. */
export const jsonReply = (name: string, status = 200, headers: Record<string, string> = {}): Reply => () =>
  HttpResponse.json(fixture(name), { status, headers });
