import { http, HttpResponse } from 'msw';
import { server } from '../../support/msw-server.js';
import { chunkedStream, readChunks, readFixture, sseBytes, sseResponse } from '../../support/sse.js';

export const BASE_URL = 'https://api.openai.com/v1';
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
/** An SSE fixture's payloads by name. */
export const chunks = (name: string): string[] => readChunks(new URL(`${name}.chunks.txt`, fixtures));

type Reply = (request: CapturedRequest, index: number) => Response | Promise<Response>;

/** Serves `/chat/completions` with successive replies (the last repeats) and records every request. */
export function serveChat(...replies: Reply[]): CapturedRequest[] {
  const requests: CapturedRequest[] = [];
  server.use(
    http.post(`${BASE_URL}/chat/completions`, async ({ request }) => {
      const captured: CapturedRequest = {
        url: request.url,
        method: request.method,
        headers: Object.fromEntries(request.headers),
        body: await request.json(),
      };
      const index = requests.push(captured) - 1;
      return replies[Math.min(index, replies.length - 1)]!(captured, index);
    }),
  );
  return requests;
}

/** A chat.completion JSON reply from a fixture. */
export const json = (name: string, headers: Record<string, string> = {}): Reply => () => HttpResponse.json(fixture(name), { headers: { 'x-request-id': 'req_123', ...headers } });

/** An SSE reply from a fixture, optionally split at byte offsets. */
export const sse = (name: string, options: { splits?: number[]; crlf?: boolean; comments?: boolean; onCancel?: (reason: unknown) => void } = {}): Reply => () =>
  sseResponse(chunkedStream(sseBytes(chunks(name), options), options.splits, options.onCancel));

/** An error reply: status, fixture body and headers. */
export const apiError = (status: number, name: string, headers: Record<string, string> = {}): Reply => () =>
  HttpResponse.json(fixture(name), { status, headers });
