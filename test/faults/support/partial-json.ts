/** Helpers of the partial-JSON properties: what a prefix of a JSON document may parse to. */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) && (isObject(a) ? isObject(b) && Object.keys(a).length === Object.keys(b).length : true);
}

/**
 * True when `partial` could be a prefix's view of `final`: every finished
 * member equals the final one, and at most one member per container (the one
 * still streaming) is itself a consistent partial. An unfinished string is a
 * prefix of the final string; an unfinished number is some number.
 */
export function isConsistentPartial(partial: unknown, final: unknown): boolean {
  if (Array.isArray(partial)) {
    if (!Array.isArray(final) || partial.length > final.length) return false;
    return partial.every((item, index) => (index < partial.length - 1 ? deepEqual(item, final[index]) : isConsistentPartial(item, final[index])));
  }
  if (isObject(partial)) {
    if (!isObject(final)) return false;
    let unfinished = 0;
    for (const [key, value] of Object.entries(partial)) {
      if (!Object.hasOwn(final, key)) return false;
      if (deepEqual(value, final[key])) continue;
      if (++unfinished > 1 || !isConsistentPartial(value, final[key])) return false;
    }
    return true;
  }
  if (typeof partial === 'string') return typeof final === 'string' && final.startsWith(partial);
  if (typeof partial === 'number') return typeof final === 'number';
  return partial === final;
}

