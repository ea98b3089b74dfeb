/**
 * Every place in `value` where `secret` shows: `String(error)`, `stack`,
 * `JSON.stringify`, and every string field reachable from it (url,
 * responseBody, data, rawValue, the `cause` chain, `RetryError.errors`).
 */
export function findSecret(value: unknown, secret: string): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const visit = (item: unknown, path: string, depth: number) => {
    if (depth > 12) return;
    if (typeof item === 'string') {
      if (item.includes(secret)) found.push(path);
      return;
    }
    if (typeof item !== 'object' || item === null || seen.has(item)) return;
    seen.add(item);
    if (item instanceof Error) {
      if (String(item).includes(secret)) found.push(`${path} (String)`);
      if (item.stack?.includes(secret)) found.push(`${path}.stack`);
      if (item.message.includes(secret)) found.push(`${path}.message`);
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
    if (JSON.stringify(value)?.includes(secret)) found.push('JSON.stringify(error)');
  } catch {
    // Cyclic values cannot be serialised; the walk above covered their fields.
  }
  return found;
}
