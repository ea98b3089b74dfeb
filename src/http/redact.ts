const SECRET_PARAM = /^(access_token|token|api[-_]?key|key|secret|client_secret|sig|signature|password|auth|code)$/i;

/**
 * The URL with credentials replaced by `***`: user info, and query
 * parameters that carry tokens, keys or signatures (Baidu sends its access
 * token in the query string).
 */
export function redactUrl(url: string): string {
  return urlFacts(url).redacted;
}

/**
 * The secret values in request headers and URL, to be scrubbed from anything
 * shown to the user (an error body can echo a key back), longest first.
 */
export function collectSecrets(url: string, headers: Record<string, string | undefined>): string[] {
  // Runs on every request: no regular expression per header name and no copies on the way (the
  // referee's fetch-transport runs profiled it at ~7 µs per call, with a deopt, when it had both).
  let secrets: string[] | undefined;
  for (const name in headers) {
    const value = headers[name];
    // Very short values would scrub ordinary words; real credentials are long.
    if (value === undefined || value.length < MIN_SECRET_LENGTH || !isSecretHeader(name)) continue;
    (secrets ??= []).push(value);
    const space = value.indexOf(' ');
    if (space > 0 && value.length - space - 1 >= MIN_SECRET_LENGTH) secrets.push(value.slice(space + 1));
  }
  const fromUrl = urlFacts(url).secrets;
  if (secrets === undefined) return fromUrl.length === 0 ? [] : [...fromUrl];
  for (const secret of fromUrl) secrets.push(secret);
  return sortLongestFirst(secrets);
}

/** Sorts secrets longest first, in place (a secret may contain a shorter one). An insertion sort: the lists are two or three values, and `Array#sort` allocated ~0.9 KB per call for them. */
export function sortLongestFirst(values: string[]): string[] {
  for (let i = 1; i < values.length; i++) {
    const value = values[i]!;
    let j = i - 1;
    for (; j >= 0 && values[j]!.length < value.length; j--) values[j + 1] = values[j]!;
    values[j + 1] = value;
  }
  return values;
}

/** Secret values shorter than this are not collected: they would scrub ordinary words. */
export const MIN_SECRET_LENGTH = 6;

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'api-key', 'x-api-key', 'mj-api-secret', 'x-goog-api-key', 'cookie']);

/** Header names already judged, so that a name is lowercased once per process rather than per request. */
const judged = new Map<string, boolean>();

function isSecretHeader(name: string): boolean {
  if (SECRET_HEADERS.has(name)) return true;
  let secret = judged.get(name);
  if (secret === undefined) {
    secret = SECRET_HEADERS.has(name.toLowerCase());
    // Bounded: names come from code, but a caller could build them from data.
    if (judged.size < 256) judged.set(name, secret);
  }
  return secret;
}

/** What redaction needs to know of one URL. */
interface UrlFacts {
  redacted: string;
  secrets: readonly string[];
}

/**
 * The last URLs seen, parsed once: a model sends every request to the same
 * few URLs, and parsing one twice per request (to redact it, then to collect
 * its secrets) was ~10 µs of the per-call overhead measured in the referee's
 * small-call scenario. Bounded, so a caller cycling through signed URLs
 * cannot grow it.
 */
const factsCache = new Map<string, UrlFacts>();
const FACTS_CACHE_SIZE = 32;

function urlFacts(url: string): UrlFacts {
  const cached = factsCache.get(url);
  if (cached) return cached;
  const facts = parseUrlFacts(url);
  if (factsCache.size >= FACTS_CACHE_SIZE) factsCache.delete(factsCache.keys().next().value!);
  factsCache.set(url, facts);
  return facts;
}

function parseUrlFacts(url: string): UrlFacts {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // An unparsable URL fails in fetch; there is nothing to collect.
    return { redacted: url.replace(/([?&](?:access_token|token|key|api[-_]?key|sig|signature|secret)=)[^&#]*/gi, '$1***'), secrets: [] };
  }
  const secrets: string[] = [];
  for (const [name, value] of parsed.searchParams) if (value.length >= MIN_SECRET_LENGTH && SECRET_PARAM.test(name)) secrets.push(value);
  const password = parsed.password ? decodeURIComponent(parsed.password) : '';
  if (password.length >= MIN_SECRET_LENGTH) secrets.push(password);
  if (parsed.username) parsed.username = '***';
  if (parsed.password) parsed.password = '***';
  let changed = false;
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (SECRET_PARAM.test(name)) {
      parsed.searchParams.set(name, '***');
      changed = true;
    }
  }
  const result = parsed.toString();
  // URLSearchParams re-encodes `***` as `%2A%2A%2A`; keep it readable.
  return { redacted: changed ? result.replace(/%2A%2A%2A/g, '***') : result, secrets: sortLongestFirst(secrets) };
}

/**
 * The secrets worth searching for to learn whether a text holds any: those
 * that contain no other secret (`Bearer sk-…` holds `sk-…`, so finding
 * neither needs one search). For {@link containsAny} on hot paths.
 */
export function detectionNeedles(secrets: readonly string[]): string[] {
  return secrets.filter((secret) => !secrets.some((other) => other !== secret && other.length < secret.length && secret.includes(other)));
}

/** True when `text` contains one of `needles`. */
export function containsAny(text: string, needles: readonly string[]): boolean {
  for (let i = 0; i < needles.length; i++) if (text.includes(needles[i]!)) return true;
  return false;
}

/** Replaces every occurrence of each secret in `text` with `***`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (result.includes(secret)) result = result.split(secret).join('***');
  return result;
}
