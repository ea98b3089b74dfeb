/** The outcome of {@link parsePartialJson}. */
export type PartialJsonResult =
  | { state: 'complete'; value: unknown }
  | { state: 'partial'; value: unknown }
  | { state: 'invalid'; value: undefined };

const LITERALS = ['true', 'false', 'null'] as const;

/**
 * Parses a prefix of a JSON document, as a model streams it: the longest
 * prefix that ends at a value boundary is closed and parsed. An unfinished
 * string value is kept (so text fields grow while they stream); an
 * unfinished key, number sign or exponent is dropped. Never throws.
 */
export function parsePartialJson(text: string): PartialJsonResult {
  if (text.trim() === '') return { state: 'invalid', value: undefined };
  try {
    return { state: 'complete', value: JSON.parse(text) };
  } catch {
    // Fall through to repair.
  }
  const repaired = repairJson(text);
  if (repaired === undefined) return { state: 'invalid', value: undefined };
  try {
    return { state: 'partial', value: JSON.parse(repaired) };
  } catch {
    return { state: 'invalid', value: undefined };
  }
}

type Frame = { kind: 'object'; expect: 'key' | 'colon' | 'value' | 'comma' } | { kind: 'array'; expect: 'value' | 'comma' };

function closers(stack: Frame[]): string {
  let result = '';
  for (let index = stack.length - 1; index >= 0; index--) result += stack[index]!.kind === 'object' ? '}' : ']';
  return result;
}

/** Returns a closed-off version of `text`, or undefined when no prefix is a value. */
function repairJson(text: string): string | undefined {
  const stack: Frame[] = [];
  let safe: string | undefined;
  let index = 0;
  const length = text.length;

  const valueDone = (end: number) => {
    const top = stack[stack.length - 1];
    if (top) top.expect = 'comma';
    safe = text.slice(0, end) + closers(stack);
  };

  while (index < length) {
    const char = text[index]!;
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t') {
      index++;
      continue;
    }
    const top = stack[stack.length - 1];
    const expectsKey = top?.kind === 'object' && top.expect === 'key';
    if (char === '"') {
      const end = findStringEnd(text, index + 1);
      if (end === -1) {
        if (expectsKey) return safe;
        return text.slice(0, index) + closeString(text.slice(index)) + closers(stack);
      }
      index = end + 1;
      if (expectsKey) top.expect = 'colon';
      else valueDone(index);
      continue;
    }
    if (char === ':' && top?.kind === 'object') {
      top.expect = 'value';
      index++;
      continue;
    }
    if (char === ',') {
      if (top) top.expect = top.kind === 'object' ? 'key' : 'value';
      index++;
      continue;
    }
    if (char === '{' || char === '[') {
      stack.push(char === '{' ? { kind: 'object', expect: 'key' } : { kind: 'array', expect: 'value' });
      index++;
      safe = text.slice(0, index) + closers(stack);
      continue;
    }
    if (char === '}' || char === ']') {
      stack.pop();
      index++;
      valueDone(index);
      continue;
    }
    const start = index;
    while (index < length && /[^\s,:{}[\]"]/.test(text[index]!)) index++;
    // A delimiter where none belongs (`:` outside an object, as in "Sure: {…}"): not JSON from here on.
    if (index === start) return safe;
    const token = text.slice(start, index);
    if (index < length) {
      valueDone(index);
      continue;
    }
    const literal = LITERALS.find((candidate) => candidate.startsWith(token));
    if (literal) return text.slice(0, start) + literal + closers(stack);
    const number = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(token)?.[0];
    if (number) return text.slice(0, start) + number + closers(stack);
    return safe;
  }
  return safe;
}

function findStringEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '"') return index;
  }
  return -1;
}

/** Closes an unterminated string, dropping a trailing unfinished escape (`\\` or `\\u12`). */
function closeString(fragment: string): string {
  const match = /(\\+)(u[0-9a-fA-F]{0,3})?$/.exec(fragment);
  // An odd run of backslashes means the last one starts an escape that has not arrived.
  if (match && match[1]!.length % 2 === 1) return `${fragment.slice(0, match.index + match[1]!.length - 1)}"`;
  return `${fragment}"`;
}
