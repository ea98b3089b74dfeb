import { AigcError } from '../../../src/index.js';
import { apiError, DELTAS, echoed, expectApiError, expectTyped, failure, sendJson, startStream, type TextFault } from './helpers.js';

/** Servers that echo the request's credentials back. */
export const secretFaults: TextFault[] = [
  {
    name: 'secret echoed in a 401 error body',
    async run(context) {
      context.server.reset(({ request, response }) => apiError(context, response, 401, {}, echoed(request)));
      expectApiError(failure(await context.run()), context, { statusCode: 401, isRetryable: false });
    },
  },
  {
    name: 'secret echoed in a 200 non-JSON body',
    async run(context) {
      context.server.reset(({ request, response }) => {
        response.writeHead(200, { 'content-type': context.mode === 'generate' ? 'application/json' : 'text/plain' });
        response.end(`<html>${echoed(request)}</html>`);
      });
      expectTyped(failure(await context.run()), AigcError, 'AigcError');
    },
  },
  {
    name: 'secret echoed in a wrong-shape body / event',
    async run(context) {
      context.server.reset(({ request, response }) => {
        const payload = JSON.stringify({ unexpected: echoed(request), choices: 'none', result: 42 });
        if (context.mode === 'generate') return sendJson(response, 200, payload);
        startStream(context, response);
        response.end(`data: ${payload}\n\ndata: not json ${echoed(request)}\n\n`);
      });
      expectTyped(failure(await context.run()), AigcError, 'AigcError');
    },
  },
  {
    name: 'secret echoed in a mid-stream error event',
    modes: ['stream'],
    async run(context) {
      context.server.reset(({ request, response }) => {
        startStream(context, response);
        response.end(context.wire.streamHead(DELTAS.slice(0, 1)) + context.wire.streamError(echoed(request), 'fault_code'));
      });
      expectApiError(failure(await context.run()), context, { statusCode: undefined });
    },
  },
];
