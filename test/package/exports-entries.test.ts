// package.json `exports` (and `imports`) and tsup's entries stay in step:
// every export points at files an entry builds, and every entry is exported.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import tsupConfig from '../../tsup.config.js';

interface Manifest {
  exports: Record<string, unknown>;
  imports?: Record<string, unknown>;
  files?: string[];
}
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Manifest;
// The entries tsup actually builds (package exports plus internal ones such as the #transport targets),
// and those it emits .d.ts for.
const config = tsupConfig as { entry: Record<string, string>; dts?: boolean | { entry?: Record<string, string> } };
const entryNames = Object.keys(config.entry);
const dtsEntryNames = typeof config.dts === 'object' && config.dts.entry ? Object.keys(config.dts.entry) : entryNames;

/** Every string target under a conditions object, with the condition path that leads to it. */
function targets(value: unknown, conditions: string[] = []): { conditions: string[]; target: string }[] {
  if (typeof value === 'string') return [{ conditions, target: value }];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([condition, inner]) => targets(inner, [...conditions, condition]));
  return [];
}

/** `./dist/openai/index.js` or `.d.ts` → the tsup entry name `openai/index`. */
const entryOf = (target: string) => /^\.\/dist\/(.+?)(\.d\.ts|\.js)$/.exec(target)?.[1];

const codeKeys = Object.keys(manifest.exports).filter((key) => key !== './package.json');

describe('package.json exports', () => {
  it.each(codeKeys)('%s points types and import at files a tsup entry builds', (key) => {
    const found = targets(manifest.exports[key]);
    const types = found.filter(({ conditions }) => conditions.includes('types'));
    const code = found.filter(({ conditions }) => !conditions.includes('types'));
    expect(types.length, 'a types condition').toBeGreaterThan(0);
    expect(code.some(({ conditions }) => conditions.includes('import')), 'an import condition').toBe(true);
    for (const { target } of code) expect(entryNames, `${key} → ${target}`).toContain(entryOf(target));
    for (const { target } of types) expect(dtsEntryNames, `${key} → ${target} (.d.ts)`).toContain(entryOf(target));
    // types come first in each conditions object, so TypeScript picks them up
    const value = manifest.exports[key] as Record<string, unknown>;
    expect(Object.keys(value)[0]).toBe('types');
  });

  it('builds no tsup entry that neither exports nor imports reach', () => {
    const reached = new Set(
      [...Object.values(manifest.exports), ...Object.values(manifest.imports ?? {})].flatMap((value) => targets(value).map(({ target }) => entryOf(target))),
    );
    expect(entryNames.filter((name) => !reached.has(name))).toEqual([]);
  });

  it('points every `imports` alias at files a tsup entry builds', () => {
    for (const [alias, value] of Object.entries(manifest.imports ?? {})) {
      for (const { target } of targets(value)) expect(entryNames, `${alias} → ${target}`).toContain(entryOf(target));
    }
  });

  it('publishes dist only, besides the manifest and docs', () => {
    expect(manifest.files?.filter((file) => !['dist', 'README.md', 'LICENSE'].includes(file))).toEqual([]);
  });
});
