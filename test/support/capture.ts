import { http } from 'msw';
import { server } from './msw-server.js';

/** A request as it reached the wire: a JSON body, or multipart fields (files as `{ filename, type, bytes }`). */
export interface CapturedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: any;
  form?: Record<string, string | { filename: string; type: string; bytes: Uint8Array }>;
}

/** Answers the n-th captured request. */
export type Reply = (request: CapturedRequest, index: number) => Response | Promise<Response>;

/**
 * Serves POST requests to one URL (path only; msw matches any query, the test
 * asserts it) with successive replies (the last repeats) and records them.
 */
export function servePost(url: string, ...replies: Reply[]): CapturedRequest[] {
  const requests: CapturedRequest[] = [];
  server.use(
    http.post(url, async ({ request }) => {
      const captured: CapturedRequest = { url: request.url, method: request.method, headers: Object.fromEntries(request.headers), body: undefined };
      if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
        captured.form = {};
        for (const [name, value] of await request.formData()) {
          captured.form[name] = typeof value === 'string' ? value : { filename: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
        }
      } else {
        const text = await request.text();
        captured.body = text ? JSON.parse(text) : undefined;
      }
      const index = requests.push(captured) - 1;
      return replies[Math.min(index, replies.length - 1)]!(captured, index);
    }),
  );
  return requests;
}
