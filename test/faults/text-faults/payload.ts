import { expect } from 'vitest';
import { AigcError, InvalidResponseError } from '../../../src/index.js';
import { DELTAS, expectApiError, expectTyped, failure, HTML, sendJson, startStream, TEXT, type TextFault } from './helpers.js';

/** Bodies that are not what the wire format promises. */
export const payloadFaults: TextFault[] = [
  {
    name: 'HTML page with 200',
    async run(context) {
      context.server.reset(({ response }) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(HTML);
      });
      expectTyped(failure(await context.run()), InvalidResponseError, 'InvalidResponseError');
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'JSON with the wrong shape',
    async run(context) {
      context.server.reset(({ response }) => {
        if (context.mode === 'generate') return sendJson(response, 200, JSON.stringify({ unexpected: [1, 2, 3] }));
        startStream(context, response);
        response.end('data: {"unexpected":[1,2,3]}\n\ndata: [4,5]\n\n');
      });
      expectTyped(failure(await context.run()), InvalidResponseError, 'InvalidResponseError');
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'truncated body / SSE without terminator',
    async run(context) {
      context.server.reset(({ response }) => {
        if (context.mode === 'generate') return sendJson(response, 200, context.wire.generateBody(TEXT).slice(0, 30));
        startStream(context, response);
        response.end(context.wire.streamHead(DELTAS));
      });
      const outcome = await context.run();
      expectTyped(failure(outcome), InvalidResponseError, 'InvalidResponseError');
      // A cut-off stream is an error after the text that did arrive, never a silent partial answer.
      if (context.mode === 'stream') expect(outcome.text).toBe(TEXT);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'mid-stream error event',
    modes: ['stream'],
    async run(context) {
      context.server.reset(({ response }) => {
        startStream(context, response);
        response.end(context.wire.streamHead(DELTAS.slice(0, 1)) + context.wire.streamError('the engine is overloaded', 'fault_code'));
      });
      const outcome = await context.run();
      const error = expectApiError(failure(outcome), context, { statusCode: undefined, streamCode: true });
      expect(error.message).toContain('overloaded');
      expect(outcome.text).toBe(DELTAS[0]);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'oversized body (chunked, over maxResponseBytes)',
    needsMaxResponseBytes: true,
    async run(context) {
      const big = 'x'.repeat(200_000);
      context.server.reset(({ response, later }) => {
        const body = context.mode === 'generate' ? context.wire.generateBody(big) : context.wire.streamHead([big]);
        if (context.mode === 'generate') response.writeHead(200, { 'content-type': 'application/json' });
        else startStream(context, response);
        let offset = 0;
        const next = () => {
          if (offset >= body.length) return void response.end();
          response.write(body.slice(offset, offset + 16_384));
          offset += 16_384;
          later(1, next);
        };
        next();
      });
      const error = failure(await context.run({ model: context.model({ maxResponseBytes: 65_536 }) }));
      expect(AigcError.isInstance(error), `typed error expected, got ${String(error)}`).toBe(true);
      expect((error as Error).message).toMatch(/65536/);
      expect(context.server.attempts).toBe(1);
    },
  },
  {
    name: 'oversized body (content-length over maxResponseBytes)',
    modes: ['generate'],
    needsMaxResponseBytes: true,
    async run(context) {
      context.server.reset(({ response }) => {
        // Declares 10 MB and sends only the first bytes: the cap must act on the header, not wait for the body.
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10_000_000) });
        response.write(context.wire.generateBody('x'));
      });
      const error = failure(await context.run({ model: context.model({ maxResponseBytes: 65_536 }), timeout: 5_000 }));
      expect(AigcError.isInstance(error), `typed error expected, got ${String(error)}`).toBe(true);
      expect((error as Error).message).toMatch(/65536/);
      await context.expectHangup();
    },
  },
];
