import { describe, expect, it } from 'vitest';
import { parsePartialJson } from '../../src/schema/parse-partial-json.js';

describe('parsePartialJson', () => {
  it('closes a prefix at the last value boundary', () => {
    expect(parsePartialJson('{"a":[1,2')).toEqual({ state: 'partial', value: { a: [1, 2] } });
    expect(parsePartialJson('{"a":"hel')).toEqual({ state: 'partial', value: { a: 'hel' } });
    expect(parsePartialJson('{"a":1}')).toEqual({ state: 'complete', value: { a: 1 } });
  });

  // Regression (issue 11 fuzzing): a `:` outside an object looped forever, so
  // streamObject froze the event loop on a model that wrote "Sure: {…}".
  it.each(['Sure: {"a":1}', ':', '[:', '[1,:', '{"a":1}:'])('returns (does not hang) on a stray colon: %s', (text) => {
    const result = parsePartialJson(text);
    expect(['complete', 'partial', 'invalid']).toContain(result.state);
  });
});
