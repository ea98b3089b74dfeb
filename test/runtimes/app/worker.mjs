// Cloudflare Workers entry (served by workerd): GET /?mock=<emulator origin>.
import * as aigc from 'aigc';
import * as openaiModule from 'aigc/openai';
import { entries } from './entries.mjs';
import { runSmoke } from './smoke.mjs';

export default {
  async fetch(request) {
    const baseURL = new URL(request.url).searchParams.get('mock');
    return Response.json(await runSmoke({ aigc, openaiModule, entries, baseURL, runtime: 'workerd' }));
  },
};
