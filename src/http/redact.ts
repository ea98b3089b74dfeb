const SECRET_PARAM = /^(access_token|token|api[-_]?key|key|secret|client_secret|sig|signature|password|auth|code)$/i;
const SECRET_HEADER = /^(authorization|proxy-authorization|api-key|x-api-key|mj-api-secret|x-goog-api-key|cookie)$/i;

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
 * shown to the user (an error body can echo a key back).
 */
export function collectSecrets(url: string, headers: Record<string, string | undefined>): string[] {
  const secrets = [...urlFacts(url).secrets];
  for (const name in headers) {
    const value = headers[name];
    if (!value || !SECRET_HEADER.test(name)) continue;
    secrets.push(value);
    const space = value.indexOf(' ');
    if (space > 0) secrets.push(value.slice(space + 1));
  }
  // Very short values would scrub ordinary words; real credentials are long.
  return secrets.filter((secret) => secret.length >= 6).sort((a, b) => b.length - a.length);
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
  for (const [name, value] of parsed.searchParams) if (value && SECRET_PARAM.test(name)) secrets.push(value);
  if (parsed.password) secrets.push(decodeURIComponent(parsed.password));
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
  return { redacted: changed ? result.replace(/%2A%2A%2A/g, '***') : result, secrets };
}

/** Replaces every occurrence of each secret in `text` with `***`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (result.includes(secret)) result = result.split(secret).join('***');
  return result;
}
