// Bundle budgets (`npm run size`, after a build): what a user ships when they
// bundle aigc for the browser. Each row bundles a small user module with
// esbuild (platform browser, minified, everything bundled) against the built
// package through its `exports` map, then gzips it. zod is external because
// the user code here does not import it (it is a peer dependency; the "with
// zod" column shows the cost when the app does not already ship zod).
// Prints the table; exits 1 when a row is over its budget.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const KB = 1024;

/** Resolves `aigc` and `aigc/x` through package.json `exports` with the browser conditions, to dist files. */
const selfReference = {
  name: 'aigc-self-reference',
  setup(pluginBuild) {
    const conditions = ['browser', 'import', 'default'];
    const pick = (value) => {
      if (typeof value === 'string') return value;
      for (const [condition, inner] of Object.entries(value ?? {})) if (conditions.includes(condition)) return pick(inner);
      return undefined;
    };
    pluginBuild.onResolve({ filter: /^aigc(\/.*)?$/ }, (args) => {
      const key = `.${args.path.slice('aigc'.length)}`;
      const target = pick(manifest.exports[key]);
      if (!target) return { errors: [{ text: `aigc has no export ${key} for the browser` }] };
      const file = path.join(root, target);
      if (!existsSync(file)) return { errors: [{ text: `${target} is missing: run \`npm run build\` first (\`npm run size\` does)` }] };
      return { path: file };
    });
  },
};

async function measure(source, { zodExternal }) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: 'user-app.js', loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: zodExternal ? ['zod', 'zod/*'] : [],
    plugins: [selfReference],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const useText = (fn, providerImport, model) => `
import { ${fn} } from 'aigc';
${providerImport}
export async function run(prompt) {
  const result = ${fn === 'generateText' ? 'await ' : ''}${fn}({ model: ${model}, prompt });
  return ${fn === 'generateText' ? 'result.text' : 'result.textStream'};
}`;

const rows = [
  { name: "aigc + aigc/openai, generateText", budget: 20 * KB, source: useText('generateText', "import { openai } from 'aigc/openai';", "openai('gpt-4o-mini')") },
  { name: "aigc + aigc/openai, streamText", budget: 22 * KB, source: useText('streamText', "import { openai } from 'aigc/openai';", "openai('gpt-4o-mini')") },
];

// For reference (no budget): generateObject with a zod schema. This user code imports zod, so the
// "with zod bundled" column is what it ships; the gzip column is aigc's share (aigc never imports
// zod itself: it reads the schema's Standard JSON Schema).
rows.push({
  name: 'aigc + aigc/openai, generateObject with a zod schema (for reference)',
  source: `import { generateObject } from 'aigc';
import { openai } from 'aigc/openai';
import { z } from 'zod';
export async function run(prompt) {
  const { object } = await generateObject({ model: openai('gpt-4o-mini'), schema: z.object({ title: z.string() }), prompt });
  return object.title;
}`,
});

// Every other provider entry, whole (`export *`, so nothing of it is shaken out), measured as what
// it adds to the core app of the first row. Core includes the HTTP kit (src/http: requests, SSE,
// retries' inputs, size caps) that every provider shares, so it is not counted again per provider.
// The "alone" column is the stricter figure: the entry on top of aigc's generateText without any
// provider, kit included (for aigc/openai, whose row has no budget of its own, that is the figure).
const coreApp = rows[0].source;
const coreOnly = useText('generateText', '', 'globalThis.model');
const providerKeys = Object.keys(manifest.exports).filter((key) => !['.', './testing', './package.json', './openai'].includes(key));
rows.push({ name: 'aigc/openai (whole entry), alone on top of aigc generateText', base: coreOnly, source: `${coreOnly}\nexport * from 'aigc/openai';` });
for (const key of providerKeys) {
  rows.push({
    name: `aigc${key.slice(1)} (whole entry), added to the core app`,
    budget: 12 * KB,
    base: coreApp,
    source: `${coreApp}\nexport * from 'aigc${key.slice(1)}';`,
    alone: { base: coreOnly, source: `${coreOnly}\nexport * from 'aigc${key.slice(1)}';` },
  });
}

const difference = async (source, base, options) => {
  const size = await measure(source, options);
  if (!base) return size;
  const baseline = await measure(base, options);
  return { minified: size.minified - baseline.minified, gzip: size.gzip - baseline.gzip };
};

const table = [];
let over = 0;
for (const row of rows) {
  const size = await difference(row.source, row.base, { zodExternal: true });
  const withZod = await difference(row.source, row.base, { zodExternal: false });
  const alone = row.alone && (await difference(row.alone.source, row.alone.base, { zodExternal: true }));
  const ok = row.budget === undefined || size.gzip <= row.budget;
  if (!ok) over += 1;
  table.push({ ...row, size, withZod, alone, ok });
}

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const lines = [
  '| bundle (esbuild, browser, minified) | min | gzip | budget (gzip) | gzip with zod bundled | gzip alone on aigc generateText | |',
  '|---|---:|---:|---:|---:|---:|---|',
  ...table.map((row) =>
    `| ${row.name} | ${kb(row.size.minified)} | ${kb(row.size.gzip)} | ${row.budget ? kb(row.budget) : '—'} | ${kb(row.withZod.gzip)} | ${row.alone ? kb(row.alone.gzip) : '—'} | ${row.ok ? 'ok' : 'OVER'} |`),
];
console.log(lines.join('\n'));
mkdirSync(path.join(root, '.out'), { recursive: true });
writeFileSync(path.join(root, '.out', 'size.json'), JSON.stringify(table.map(({ name, budget, size, withZod, alone, ok }) => ({ name, budget, ...size, gzipWithZod: withZod.gzip, gzipAlone: alone?.gzip, ok })), null, 2));
if (over) {
  console.error(`\n${over} bundle(s) over budget`);
  process.exit(1);
}
