import { headersToRecord } from './send-request.js';

/**
 * `metadata` with a `headers` record built from the response's `Headers` the
 * first time it is read. It is an own, enumerable property (spread, `JSON`,
 * `structuredClone` and `toEqual` see it) that becomes a plain value once
 * read or assigned. `metadata` must be a fresh object of this call: core may
 * extend it in place ({@link extendResponse}).
 *
 * Why: most callers never look at the headers, and on Node's `fetch`
 * iterating a `Headers` sorts its list first. Copying them for every response
 * was ~2 µs per call, plus its compile and garbage, in the referee's
 * fetch-transport runs (5 headers; real APIs send ~20); this costs ~0.3 µs.
 */
export function withLazyHeaders<T extends object>(metadata: T, headers: Headers): T & { headers: Record<string, string> } {
  sources.set(metadata, headers);
  return Object.defineProperty(metadata, 'headers', LAZY) as T & { headers: Record<string, string> };
}

/**
 * `response` with `extra` added, leaving a lazy `headers` unread: an object
 * from {@link withLazyHeaders} (fresh per call) is extended in place, any
 * other (a custom model may return a shared one) is copied.
 */
export function extendResponse<T extends object, E extends object>(response: T, extra: E): T & E {
  if (sources.has(response)) return Object.assign(response, extra);
  return Object.assign({}, response, extra);
}

/**
 * The `Headers` behind each object whose `headers` was not read yet. The
 * accessor below is one shared pair: a getter closure per object would give
 * every object a map of its own (V8 keeps accessors in the map), which
 * profiled slower than the copy it saves.
 */
const sources = new WeakMap<object, Headers>();

const LAZY: PropertyDescriptor = {
  get(this: object) {
    const source = sources.get(this);
    const record = source === undefined ? {} : headersToRecord(source);
    setPlain(this, record);
    return record;
  },
  set(this: object, value: unknown) {
    setPlain(this, value);
  },
  enumerable: true,
  configurable: true,
};

function setPlain(target: object, value: unknown): void {
  sources.delete(target);
  Object.defineProperty(target, 'headers', { value, writable: true, enumerable: true, configurable: true });
}
