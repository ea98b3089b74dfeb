import { HttpResponse } from 'msw';
import { servePost, type CapturedRequest, type Reply } from '../../support/capture.js';
import { chunkedStream, readChunks, readFixture, sseBytes, sseResponse } from '../../support/sse.js';

const fixtures = new URL('./fixtures/', import.meta.url);

/** A JSON fixture by name. */
export const fixture = (name: string): any => readFixture(new URL(`${name}.json`, fixtures));

/** Serves POST requests to one URL with successive replies and records them (see `servePost`). */
export const serve = servePost;

/** A JSON reply from a fixture, with a request id header. */
export const json = (name: string, status = 200): Reply => () =>
  HttpResponse.json(fixture(name), { status, headers: { 'x-request-id': 'req-compat-1' } });

/** An SSE reply from a `.chunks.txt` fixture. */
export const sse = (name: string): Reply => () => sseResponse(chunkedStream(sseBytes(readChunks(new URL(`${name}.chunks.txt`, fixtures)))));

export type { CapturedRequest };
