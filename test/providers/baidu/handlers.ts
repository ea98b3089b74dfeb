import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { server } from '../../support/msw-server.js';
import { chunkedStream, readChunks, readFixture, sseBytes, sseResponse } from '../../support/sse.js';

/** Baidu's real hosts; the provider's defaults. */
export const HOSTS = {
  qianfan: 'https://qianfan.baidubce.com',
  aip: 'https://aip.baidubce.com',
  tts: 'https://tsn.baidu.com',
  asr: 'https://vop.baidu.com',
} as const;

export const TOKEN_URL = `${HOSTS.aip}/oauth/2.0/token`;
export const V1_CHAT_URL = `${HOSTS.aip}/rpc/2.0/ai_custom/v1/wenxinworkshop/chat`;
export const V2_CHAT_URL = `${HOSTS.qianfan}/v2/chat/completions`;
export const CLIENT = { clientId: 'test-client-id-abc', clientSecret: 'test-client-secret-xyz' };
export const API_KEY = 'bce-v3/ALTAK-test/0123456789abcdef';

const fixtures = new URL('./fixtures/', import.meta.url);

/** A fixture's text, verbatim (19-digit numbers survive). */
export const fixtureText = (name: string): string => readFileSync(new URL(name, fixtures), 'utf8');
/** A JSON fixture by name. */
export const fixture = (name: string): any => readFixture(new URL(`${name}.json`, fixtures));
/** An SSE fixture's payloads by name. */
export const chunks = (name: string): string[] => readChunks(new URL(`${name}.chunks.txt`, fixtures));
/** The access token of the `oauth-token` fixture. */
export const ACCESS_TOKEN: string = fixture('oauth-token').access_token;
/** The access token of the `oauth-token-refreshed` fixture. */
export const REFRESHED_TOKEN: string = fixture('oauth-token-refreshed').access_token;

/** A request as it reached the wire: JSON and form bodies parsed, the raw text kept. */
export interface CapturedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  text: string;
  body: any;
}

export type Reply = (request: CapturedRequest, index: number) => Response | Promise<Response>;

/** Serves `method url` with successive replies (the last repeats) and records every request. */
export function serve(method: 'get' | 'post', url: string, ...replies: Reply[]): CapturedRequest[] {
  const requests: CapturedRequest[] = [];
  server.use(
    http[method](url, async ({ request }) => {
      const text = await request.text();
      const type = request.headers.get('content-type') ?? '';
      const body = type.includes('json') ? JSON.parse(text) : type.includes('x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(text)) : text;
      const parsed = new URL(request.url);
      const captured: CapturedRequest = {
        url: request.url,
        method: request.method,
        headers: Object.fromEntries(request.headers),
        query: Object.fromEntries(parsed.searchParams),
        text,
        body,
      };
      const index = requests.push(captured) - 1;
      return replies[Math.min(index, replies.length - 1)]!(captured, index);
    }),
  );
  return requests;
}

/** Serves the OAuth token endpoint (default: the `oauth-token` fixture). */
export function serveToken(...replies: Reply[]): CapturedRequest[] {
  return serve('post', TOKEN_URL, ...(replies.length > 0 ? replies : [json('oauth-token')]));
}

/** A JSON reply from a fixture. */
export const json = (name: string, init: { status?: number; headers?: Record<string, string> } = {}): Reply => () =>
  HttpResponse.json(fixture(name), { status: init.status ?? 200, headers: { 'x-bce-request-id': 'req-123', ...init.headers } });

/** A raw text reply (for bodies `JSON.stringify` would change, like 19-digit numbers). */
export const raw = (text: string, contentType = 'application/json'): Reply => () =>
  new HttpResponse(text, { status: 200, headers: { 'content-type': contentType } });

/** A JSON fixture served byte for byte, for bodies whose 19-digit numbers `JSON.parse` would round. */
export const verbatim = (name: string): Reply => raw(fixtureText(`${name}.json`));

/** An SSE reply from a fixture, optionally split at byte offsets. */
export const sse = (name: string, options: { splits?: number[]; onCancel?: (reason: unknown) => void } = {}): Reply => () =>
  sseResponse(chunkedStream(sseBytes(chunks(name)), options.splits, options.onCancel));
