// Checks on the packed package as npm would publish it: lint (publint), types
// as each resolver sees them (attw, ESM-only by design), the published file
// list, and a consumer project typechecked with `bundler` and `node16`.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { consumerDir, repoRoot, stageDir } from './support/paths.js';
import './support/provided.js';

const exec = promisify(execFile);
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
const tarball = inject('tarball');

/** Runs a command and returns its output whatever the exit code, so failures print what the tool said. */
async function tool(command: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('packed package', () => {
  it('passes publint --strict', async () => {
    const { code, output } = await tool(bin('publint'), ['run', tarball, '--strict'], repoRoot);
    expect(output).toContain('All good!');
    expect(code, output).toBe(0);
  });

  it('passes are-the-types-wrong with the esm-only profile', async () => {
    const { code, output } = await tool(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color'], repoRoot);
    expect(code, output).toBe(0);
    expect(output).toMatch(/node16 \(from ESM\): 🟢/);
  });

  it('publishes no tests, fixtures or sources, only dist and the docs files', async () => {
    const { code, output } = await tool('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], stageDir);
    expect(code, output).toBe(0);
    const [report] = JSON.parse(output.slice(output.indexOf('['))) as [{ files: { path: string }[] }];
    const files = report.files.map((file) => file.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files.filter((file) => !/^(dist\/.+|package\.json|README\.md|LICENSE)$/.test(file))).toEqual([]);
    expect(files.filter((file) => /(^|\/)(test|tests|fixtures?|__\w+__)\/|\.test(-d)?\.|\.chunks\.txt$/.test(file))).toEqual([]);
  });

  const exportKeys = () => {
    const manifest = JSON.parse(readFileSync(path.join(consumerDir, 'node_modules', 'aigc', 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    return Object.keys(manifest.exports).filter((key) => key !== './package.json');
  };

  /** A user's TypeScript project over the installed tarball: every entry imported, types not `any`. */
  function writeTypesProject(moduleResolution: 'bundler' | 'node16') {
    const dir = path.join(consumerDir, `types-${moduleResolution}`);
    mkdirSync(dir, { recursive: true });
    const imports = exportKeys().map((key, index) => `import * as entry${index} from 'aigc${key.slice(1)}';`);
    writeFileSync(
      path.join(dir, 'index.ts'),
      `${imports.join('\n')}
import { generateText, streamText } from 'aigc';
import { createOpenAI } from 'aigc/openai';

export const entries = [${exportKeys().map((_, index) => `entry${index}`).join(', ')}];
const openai = createOpenAI({ apiKey: 'test' });

export async function answer(): Promise<string> {
  const result = await generateText({ model: openai('gpt-4o-mini'), prompt: 'hi' });
  // @ts-expect-error text is a string: this fails if the types resolved to any
  const wrong: number = result.text;
  void wrong;
  // @ts-expect-error prompt must be a string or absent
  void generateText({ model: openai('gpt-4o-mini'), prompt: 42 });
  let streamed = '';
  for await (const delta of streamText({ model: openai('gpt-4o-mini'), prompt: 'hi' }).textStream) streamed += delta;
  return result.text + streamed;
}
`,
    );
    const module = moduleResolution === 'bundler' ? 'esnext' : 'node16';
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'es2022', module, moduleResolution, lib: ['es2022', 'dom', 'dom.iterable'], strict: true, noEmit: true, types: [], skipLibCheck: false },
        files: ['index.ts'],
      }),
    );
    return dir;
  }

  it.each(['bundler', 'node16'] as const)('typechecks a consumer project with moduleResolution %s', async (moduleResolution) => {
    const dir = writeTypesProject(moduleResolution);
    const { code, output } = await tool(bin('tsc'), ['-p', path.join(dir, 'tsconfig.json')], dir);
    expect(output).toBe('');
    expect(code).toBe(0);
  });
});
