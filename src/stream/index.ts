export { createAsyncIterableStream, type AsyncIterableStream } from './async-iterable-stream.js';
export { DelayedPromise } from './delayed-promise.js';
export { parseSseStream, type SseEvent, type SseHandler } from './parse-sse-stream.js';
