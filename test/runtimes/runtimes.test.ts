// The runtime matrix: the packed package, imported from its built entries,
// runs every public function against the local emulator in each runtime.
// One describe per runtime, one test per function, so a failure names both.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { repoRoot } from './support/paths.js';
import './support/provided.js';
import {
  runBun, runChromium, runDeno, runEdgeVM, runNode20, runNode22, runWorkerd,
  type SmokeReport, type SmokeResult,
} from './support/runners.js';

const emulatorURL = inject('emulatorURL');
const exportedNames = inject('exportedNames');
const coreExports = exportedNames['aigc'] ?? [];
const providerSpecifiers = Object.keys(exportedNames).filter((specifier) => !['aigc', 'aigc/openai', 'aigc/testing'].includes(specifier));

const fixtures = path.join(repoRoot, 'test', 'providers', 'openai', 'fixtures');
const fixture = (name: string) => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')) as { choices: { message: { content: string } }[] };
const streamedFixtureText = (name: string) =>
  readFileSync(path.join(fixtures, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => (JSON.parse(line) as { choices?: { delta?: { content?: string | null } }[] }).choices?.[0]?.delta?.content ?? '')
    .join('');

/** What each function must return, the same in every runtime. */
const checks: Record<string, (value: Record<string, unknown>) => void> = {
  generateText(value) {
    expect(value.text).toBe(fixture('chat-basic.json').choices[0]!.message.content);
    expect(value.finishReason).toBe('stop');
    expect(value.usage).toMatchObject({ inputTokens: expect.any(Number), outputTokens: expect.any(Number) });
  },
  streamText(value) {
    const deltas = value.deltas as string[];
    expect(deltas.length, 'the text arrives in several deltas').toBeGreaterThan(1);
    expect(deltas.join('')).toBe(streamedFixtureText('chat-chinese.chunks.txt'));
    expect(value.text).toBe(deltas.join(''));
    expect(value.finishReason).toBe('stop');
  },
  generateObject(value) {
    expect(value.object).toEqual(JSON.parse(fixture('chat-object.json').choices[0]!.message.content));
  },
  streamObject(value) {
    expect(value.partials, 'partial objects while streaming').toBeGreaterThan(0);
    expect(value.object).toEqual(JSON.parse(streamedFixtureText('chat-object.chunks.txt')));
  },
  generateImage(value) {
    expect(value.count).toBeGreaterThanOrEqual(1);
    expect(value.mediaType).toMatch(/^image\//);
    expect(value.byteLength).toBeGreaterThan(0);
  },
  speak(value) {
    expect(value.mediaType).toMatch(/^audio\//);
    expect(value.byteLength).toBeGreaterThan(0);
  },
  streamSpeech(value) {
    expect(value.chunks).toBeGreaterThan(0);
    expect(value.byteLength).toBeGreaterThan(0);
  },
  transcribe(value) {
    expect(typeof value.text).toBe('string');
    expect((value.text as string).length).toBeGreaterThan(0);
  },
};

/**
 * `transport`: the target of the package's private `#transport` import the
 * runtime must load: Node gets the `node:http` transport, every other runtime the
 * web `fetch` one (its export conditions must never reach the Node code).
 */
const runtimes: { name: string; run: (url: string) => Promise<SmokeReport>; transport: string }[] = [
  { name: 'node 20', run: runNode20, transport: 'transport/node.js' },
  { name: 'node 22', run: runNode22, transport: 'transport/node.js' },
  { name: 'bun', run: runBun, transport: 'transport/fetch.js' },
  { name: 'deno', run: runDeno, transport: 'transport/fetch.js' },
  { name: 'cloudflare workerd', run: runWorkerd, transport: 'transport/fetch.js' },
  { name: 'vercel edge-runtime', run: runEdgeVM, transport: 'transport/fetch.js' },
  { name: 'chromium', run: runChromium, transport: 'transport/fetch.js' },
];
const hasTransportImport = Boolean(inject('packageImports')['#transport']);

/** What the first runtime (Node 20) returned, per function and entry: every other runtime must return the same. */
const reference = new Map<string, unknown>();
function sameAsReference(runtime: string, key: string, value: unknown) {
  if (runtime === runtimes[0]!.name) reference.set(key, value);
  else if (reference.has(key)) expect(value, `${key} as in ${runtimes[0]!.name}`).toEqual(reference.get(key));
}

for (const runtime of runtimes) {
  describe(runtime.name, () => {
    let report: SmokeReport | undefined;
    let failure: unknown;
    beforeAll(async () => {
      try {
        report = await runtime.run(emulatorURL);
      } catch (error) {
        failure = error;
      }
    }, 120_000);

    const resultOf = (name: string): SmokeResult => {
      if (!report) throw failure instanceof Error ? failure : new Error(String(failure));
      return report.results[name] ?? { status: 'error', error: { message: `no result for ${name}` } };
    };

    for (const name of Object.keys(checks)) {
      const exported = coreExports.includes(name);
      test.skipIf(!exported)(exported ? name : `${name} (skipped: not exported from aigc yet)`, (context) => {
        const result = resultOf(name);
        if (result.status === 'missing') context.skip(result.reason);
        if (result.status === 'error') throw new Error(`${runtime.name}: ${name} threw ${result.error?.name}: ${result.error?.message}\n${result.error?.stack ?? ''}`);
        checks[name]!(result.value!);
        sameAsReference(runtime.name, name, result.value);
      });
    }

    for (const specifier of providerSpecifiers) {
      test(`calls ${specifier} against the emulator`, (context) => {
        resultOf('generateText');
        const result = report?.providers?.[specifier] ?? { status: 'error' as const, error: { message: `no result for ${specifier}` } };
        if (result.status === 'missing') context.skip(result.reason);
        if (result.status === 'error') throw new Error(`${runtime.name}: ${specifier} threw ${result.error?.name}: ${result.error?.message}\n${result.error?.stack ?? ''}`);
        const value = result.value!;
        for (const [key, field] of Object.entries(value)) {
          if (/mediaType$/i.test(key)) expect(field, key).toMatch(/^image\//);
          else if (/byteLength$/i.test(key)) expect(field, key).toBeGreaterThan(0);
          else expect(typeof field === 'string' && field.length > 0, `${key} is non-empty text`).toBe(true);
        }
        sameAsReference(runtime.name, specifier, value);
      });
    }

    test(`loads every package entry (${Object.keys(exportedNames).join(', ')})`, () => {
      resultOf('generateText');
      const expected = Object.fromEntries(Object.entries(exportedNames).map(([specifier, names]) => [specifier, [...names].sort()]));
      expect(report?.entries).toEqual(expected);
    });

    test.skipIf(!hasTransportImport)(
      hasTransportImport ? `loads ${runtime.transport} for #transport` : 'loads its transport (skipped: the package has no #transport import)',
      () => {
        resultOf('generateText');
        expect(report?.transport).toBe(runtime.transport);
      },
    );

    if (runtime.name === 'chromium') {
      test('logs no console errors', () => {
        resultOf('generateText');
        expect(report?.consoleErrors).toEqual([]);
      });
    }
  });
}
