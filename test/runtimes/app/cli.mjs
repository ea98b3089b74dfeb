// Entry for the runtimes that run a file: Node, Bun, Deno. Usage: <runtime> cli.mjs <emulator origin> <name>
import * as aigc from 'aigc';
import * as openaiModule from 'aigc/openai';
import { runSmoke } from './smoke.mjs';

const args = globalThis.Deno?.args ?? globalThis.process.argv.slice(2);
const report = await runSmoke({ aigc, openaiModule, baseURL: args[0], runtime: args[1] });
console.log(`AIGC_SMOKE ${JSON.stringify(report)}`);
