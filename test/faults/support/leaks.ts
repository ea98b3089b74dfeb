/**
 * Every place in `value` where `secret` (or any of several encodings of it) shows: `String(error)`, `stack`,
 * `JSON.stringify`, and every string field reachable from it (url,
 * responseBody, data, rawValue, the `cause` chain, `RetryError.errors`).
 */
export function findSecret(value: unknown, secret: string | readonly string[]): string[] {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  const has = (text: string) => secrets.some((item) => text.includes(item));
  const found: string[] = [];
  const seen = new Set<unknown>();
  const visit = (item: unknown, path: string, depth: number) => {
    if (depth > 12) return;
    if (typeof item === 'string') {
      if (has(item)) found.push(path);
      return;
    }
    if (typeof item !== 'object' || item === null || seen.has(item)) return;
    seen.add(item);
    if (item instanceof Error) {
      if (has(String(item))) found.push(`${path} (String)`);
      if (item.stack !== undefined && has(item.stack)) found.push(`${path}.stack`);
      if (has(item.message)) found.push(`${path}.message`);
      visit((item as { cause?: unknown }).cause, `${path}.cause`, depth + 1);
    }
    if (item instanceof Headers) {
      item.forEach((headerValue, name) => visit(headerValue, `${path}.headers.${name}`, depth + 1));
      return;
    }
    for (const key of Object.getOwnPropertyNames(item)) {
      let child: unknown;
      try {
        child = (item as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      visit(child, `${path}.${key}`, depth + 1);
    }
  };
  visit(value, 'error', 0);
  try {
    const json = JSON.stringify(value);
    if (json !== undefined && has(json)) found.push('JSON.stringify(error)');
  } catch {
    // Cyclic values cannot be serialised; the walk above covered their fields.
  }
  return found;
}
