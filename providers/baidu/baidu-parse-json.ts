/**
 * Parses JSON text the way `JSON.parse` does, except that integers with more
 * than 15 digits become strings. ERNIE-ViLG answers with 19-digit `task_id`
 * and `log_id` numbers; `JSON.parse` would round them above 2^53, and a
 * rounded task id polls somebody else's job (or none). The raw text is
 * scanned once, outside string literals, and long integers are quoted before
 * parsing.
 */
export function parseBaiduJson(text: string): unknown {
  return JSON.parse(quoteBigIntegers(text));
}

const MAX_SAFE_DIGITS = 15;

/** `text` with every integer literal longer than 15 digits wrapped in quotes. */
export function quoteBigIntegers(text: string): string {
  let result = '';
  let copiedUpTo = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      index = skipString(text, index);
      continue;
    }
    if (char === '-' || (char >= '0' && char <= '9')) {
      const start = index;
      if (char === '-') index++;
      const digitsStart = index;
      while (index < text.length && text[index]! >= '0' && text[index]! <= '9') index++;
      const next = text[index];
      const isInteger = next !== '.' && next !== 'e' && next !== 'E';
      if (isInteger && index - digitsStart > MAX_SAFE_DIGITS) {
        result += `${text.slice(copiedUpTo, start)}"${text.slice(start, index)}"`;
        copiedUpTo = index;
      }
      // Skip the rest of a float so its exponent digits are not read as a new number.
      while (index < text.length && /[0-9.eE+-]/.test(text[index]!)) index++;
      continue;
    }
    index++;
  }
  return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
}

/** The index just past the string literal that starts at `start`. */
function skipString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '"') return index + 1;
    else index++;
  }
  return index;
}
