// Entry for the Vercel edge VM and the browser page: defines globalThis.aigcSmoke(origin).
import * as aigc from 'aigc';
import * as openaiModule from 'aigc/openai';
import { entries } from './entries.mjs';
import { runSmoke } from './smoke.mjs';

globalThis.aigcSmoke = async (baseURL, runtime) => JSON.stringify(await runSmoke({ aigc, openaiModule, entries, baseURL, runtime }));
