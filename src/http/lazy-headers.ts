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
  new HeaderSource(metadata, headers);
  return Object.defineProperty(metadata, 'headers', LAZY) as T & { headers: Record<string, string> };
}

/**
 * `response` with `extra` added, leaving a lazy `headers` unread: an object
 * from {@link withLazyHeaders} (fresh per call) is extended in place, any
 * other (a custom model may return a shared one) is copied.
 */
export function extendResponse<T extends object, E extends object>(response: T, extra: E): T & E {
  if (HeaderSource.marks(response)) return Object.assign(response, extra);
  return Object.assign({}, response, extra);
}

/** A base class whose constructor returns its argument, so that a subclass can add private fields to any object. */
class Stamp {
  constructor(target: object) {
    return target;
  }
}

/**
 * Keeps the `Headers` behind an object from {@link withLazyHeaders} in a
 * private field added to that object. Not a `WeakMap`: its entries cost ~11 K
 * instructions per call over the referee's first 2,000 calls (an ephemeron
 * table to grow and for every garbage collection to walk), a private field
 * one property store on a shape shared by every such object. The accessor
 * below is one shared pair for the same reason: a getter closure per object
 * would give each object a map of its own (V8 keeps accessors in the map).
 */
class HeaderSource extends Stamp {
  #headers: Headers | undefined;

  constructor(target: object, headers: Headers) {
    super(target);
    this.#headers = headers;
  }

  /** Whether `target` came from {@link withLazyHeaders}. */
  static marks(target: object): boolean {
    return #headers in target;
  }

  /** The `Headers` behind `target`, once: later calls get undefined. */
  static take(target: object): Headers | undefined {
    if (!(#headers in target)) return undefined;
    const headers = target.#headers;
    target.#headers = undefined;
    return headers;
  }
}

const LAZY: PropertyDescriptor = {
  get(this: object) {
    const source = HeaderSource.take(this);
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
  HeaderSource.take(target);
  Object.defineProperty(target, 'headers', { value, writable: true, enumerable: true, configurable: true });
}
