import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function sourceFiles(directory: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

// Node-only code may live only in a folder named `node` (the transport behind the `node` export condition).
const portable = [...sourceFiles('src'), ...sourceFiles('providers')].filter((file) => !file.split('/').includes('node'));

describe('portable source', () => {
  it('imports no node: modules or Node built-ins', () => {
    const offenders = portable.filter((file) =>
      /from\s+['"](node:|fs['"]|path['"]|http['"]|https['"]|crypto['"]|stream['"]|buffer['"])|require\(/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('uses no Buffer, and reads process only through loadOptionalSetting', () => {
    const offenders = portable.filter((file) => {
      const text = readFileSync(join(root, file), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      return /\bBuffer\./.test(text) || (/\bprocess\./.test(text) && !file.endsWith('load-setting.ts'));
    });
    expect(offenders).toEqual([]);
  });

  it('never lets providers import core functions', () => {
    const offenders = sourceFiles('providers').filter((file) =>
      /from\s+['"]\.\.\/\.\.\/src\/(generate-text|generate-object|generate-image|speak|transcribe|index)/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('object spreads', () => {
  // On Node 20 (V8 11.3) an object literal that spreads and then adds anything — `{ ...a, k: v }`,
  // `{ ...a, ...b }` — gives every object it makes a hidden class of its own: 0.6–3 µs each, and
  // every inline cache that later touches those objects goes megamorphic (docs/performance.md).
  // `Object.assign({}, a, { k: v })`, `{ k: v, ...a }` and a lone `{ ...a }` stay on the fast path.
  it('never follows a spread with more properties in an object literal', async () => {
    const ts = (await import('typescript')).default;
    const offenders: string[] = [];
    for (const file of [...sourceFiles('src'), ...sourceFiles('providers')]) {
      const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: import('typescript').Node): void => {
        if (ts.isObjectLiteralExpression(node)) {
          const spread = node.properties.findIndex((property) => ts.isSpreadAssignment(property));
          if (spread !== -1 && spread < node.properties.length - 1) {
            offenders.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
  });
});
