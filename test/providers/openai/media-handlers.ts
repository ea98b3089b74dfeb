import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { server } from '../../support/msw-server.js';
import { readFixture } from '../../support/sse.js';

export const BASE_URL = 'https://api.openai.com/v1';
const fixtures = new URL('./fixtures/', import.meta.url);

/** A file field of a multipart request as it reached the wire. */
export interface CapturedFile {
  filename: string;
  type: string;
  bytes: Uint8Array;
}

/** A media request as it reached the wire: JSON body or multipart fields (repeated fields become arrays). */
export interface CapturedMediaRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  contentType: string;
  json?: any;
  form?: Record<string, string | CapturedFile | Array<string | CapturedFile>>;
  /** The request's signal: aborted when the client gives up (msw does not forward body cancellation). */
  signal: AbortSignal;
}

/** A JSON fixture by name. */
export const mediaFixture = (name: string): any => readFixture(new URL(`${name}.json`, fixtures));
/** A binary fixture (audio) by file name. */
export const binaryFixture = (file: string): Uint8Array => new Uint8Array(readFileSync(new URL(file, fixtures)));

type Reply = (request: CapturedMediaRequest, index: number) => Response | Promise<Response>;

/** Serves POST `path` under the OpenAI base URL with successive replies (the last repeats) and records every request. */
export function serveMedia(path: string, ...replies: Reply[]): CapturedMediaRequest[] {
  const requests: CapturedMediaRequest[] = [];
  server.use(
    http.post(`${BASE_URL}${path}`, async ({ request }) => {
      const contentType = request.headers.get('content-type') ?? '';
      const captured: CapturedMediaRequest = { url: request.url, method: request.method, headers: Object.fromEntries(request.headers), contentType, signal: request.signal };
      if (contentType.startsWith('multipart/form-data')) captured.form = await captureForm(await request.formData());
      else captured.json = await request.json();
      const index = requests.push(captured) - 1;
      return replies[Math.min(index, replies.length - 1)]!(captured, index);
    }),
  );
  return requests;
}

async function captureForm(form: FormData): Promise<NonNullable<CapturedMediaRequest['form']>> {
  const fields: NonNullable<CapturedMediaRequest['form']> = {};
  for (const [name, value] of form) {
    const item = typeof value === 'string' ? value : { filename: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
    const existing = fields[name];
    fields[name] = existing === undefined ? item : Array.isArray(existing) ? [...existing, item] : [existing, item];
  }
  return fields;
}

/** A JSON reply from a fixture. */
export const jsonReply = (name: string, init: { status?: number; headers?: Record<string, string> } = {}): Reply => () =>
  HttpResponse.json(mediaFixture(name), { status: init.status ?? 200, headers: { 'x-request-id': 'req_media_1', ...init.headers } });

/** A binary reply, optionally split into chunks that arrive one by one. */
export const audioReply = (bytes: Uint8Array, options: { contentType?: string; chunkSize?: number; onCancel?: () => void } = {}): Reply => () => {
  const size = options.chunkSize ?? bytes.length;
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
    cancel: options.onCancel,
  });
  return new HttpResponse(body, { headers: { 'content-type': options.contentType ?? 'audio/mpeg', 'x-request-id': 'req_speech_1' } });
};
