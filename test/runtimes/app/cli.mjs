// Entry for the runtimes that run a file: Node, Bun, Deno. Usage: <runtime> cli.mjs <emulator origin> <name>
import * as aigc from 'aigc';
import * as openaiModule from 'aigc/openai';
import { entries } from './entries.mjs';
import { runSmoke } from './smoke.mjs';

const args = globalThis.Deno?.args ?? globalThis.process.argv.slice(2);
const report = await runSmoke({ aigc, openaiModule, entries, baseURL: args[0], runtime: args[1] });
// Which target of the package's private `#transport` import this runtime picks:
// the global setup drops a probe module inside the installed package to ask.
const probe = await import(new URL('../node_modules/aigc/dist/transport-probe.mjs', import.meta.url).href);
report.transport = probe.transport.split('/').slice(-2).join('/');
console.log(`AIGC_SMOKE ${JSON.stringify(report)}`);
