/**
 * The read-only `Headers` of a {@link NodeResponse}: the same reading API as a
 * response's `Headers` (names lower-cased, repeated values joined with ", ",
 * iteration sorted by name, `set-cookie` kept apart), over the header object
 * `node:http` parsed (`IncomingMessage.headers`). Not the global class: on Node 20, touching `Headers` or
 * `Response` loads Node's bundled copy of undici, ~40 ms and ~9 MB of RSS on
 * the first call of every process (measured), for a transport that never
 * needs it.
 */
export class NodeHeaders {
  readonly #values: Map<string, string>;
  readonly #setCookie: string[];

  /** Wraps `IncomingMessage.headers` (lower-case names; an array for `set-cookie`, or any header given as one). */
  constructor(raw: Record<string, string | string[] | undefined>) {
    this.#values = new Map();
    this.#setCookie = [];
    for (const name in raw) {
      const value = raw[name];
      if (value === undefined) continue;
      if (name === 'set-cookie') this.#setCookie.push(...(Array.isArray(value) ? value : [value]));
      this.#values.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }

  /** The value, repeated values joined with ", ", or null. */
  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  /** Whether the header is present. */
  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  /** Every `set-cookie` value, unjoined. */
  getSetCookie(): string[] {
    return [...this.#setCookie];
  }

  /** Calls `callback(value, name, this)` per header, sorted by name. */
  forEach(callback: (value: string, name: string, parent: NodeHeaders) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }

  /** `[name, value]` pairs, sorted by name. */
  *entries(): IterableIterator<[string, string]> {
    for (const name of [...this.#values.keys()].sort()) yield [name, this.#values.get(name)!];
  }

  /** Header names, sorted. */
  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  /** Header values, sorted by name. */
  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  /** Same as {@link NodeHeaders.entries}. */
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  /** Response headers are immutable. */
  set(): never {
    throw new TypeError('Headers of a response are immutable');
  }

  /** Response headers are immutable. */
  append(): never {
    throw new TypeError('Headers of a response are immutable');
  }

  /** Response headers are immutable. */
  delete(): never {
    throw new TypeError('Headers of a response are immutable');
  }

  /** Tagged like the platform class. */
  get [Symbol.toStringTag](): string {
    return 'Headers';
  }
}
