import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect } from 'vitest';
import { APICallError, RetryError } from '../../../src/index.js';
import type { LanguageModel } from '../../../src/provider/index.js';
import type { ModelSetup, TextWire } from '../support/adapter.js';
import type { FaultServer } from '../support/fault-server.js';
import type { RunTextOptions, TextMode, TextOutcome } from '../support/run-text.js';

/** Shared pieces of the text fault rows: the case context, wire answers and outcome checks. */

/** What one fault case gets. */
export interface TextFaultContext {
  server: FaultServer;
  wire: TextWire;
  mode: TextMode;
  /** A base URL where nothing listens. */
  refusedURL: string;
  /** The marker every credential is set to (the runner checks it shows nowhere). */
  secret: string;
  /** A model pointing at the fault server (or `baseURL`), credentials set to the secret marker. */
  model(setup?: Partial<ModelSetup>): LanguageModel;
  /** Runs the call with the case's model; `abortSignal` defaults to a caller signal that is checked for leaked listeners. */
  run(options?: Partial<RunTextOptions>): Promise<TextOutcome>;
  /** Waits (a little) until the client closed the socket of an unfinished response, failing if it does not. */
  expectHangup(): Promise<void>;
}

/** One row of the matrix. */
export interface TextFault {
  name: string;
  /** The modes the row applies to; both by default. */
  modes?: TextMode[];
  /** Skipped for adapters without `maxResponseBytes`. */
  needsMaxResponseBytes?: boolean;
  run(context: TextFaultContext): Promise<void>;
}

export const DELTAS = ['Hel', 'lo, 世', '界'];
export const TEXT = DELTAS.join('');
export const NO_WAIT = { 'retry-after-ms': '0' };
export const HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>' +
  '<p>' + 'padding '.repeat(200) + '</p></body></html>';

export function sendJson(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
}

export function success(context: TextFaultContext, response: ServerResponse): void {
  if (context.mode === 'generate') return sendJson(response, 200, context.wire.generateBody(TEXT));
  response.writeHead(200, { 'content-type': context.wire.streamContentType ?? 'text/event-stream' });
  response.end(context.wire.streamBody(DELTAS));
}

export function startStream(context: TextFaultContext, response: ServerResponse, headers: Record<string, string> = {}): void {
  response.writeHead(200, { 'content-type': context.wire.streamContentType ?? 'text/event-stream', ...headers });
}

export function apiError(context: TextFaultContext, response: ServerResponse, status: number, headers: Record<string, string> = {}, message = `fault ${status}`): void {
  sendJson(response, status, context.wire.errorBody(message, 'fault_code'), headers);
}

/** The outcome's error, failing when the call succeeded. */
export function failure(outcome: TextOutcome): unknown {
  if (outcome.ok) throw new Error(`expected the call to fail, but it returned ${JSON.stringify(outcome.text.slice(0, 80))}`);
  return outcome.error;
}

export function expectText(outcome: TextOutcome): void {
  if (!outcome.ok) throw outcome.error;
  expect(outcome.text).toBe(TEXT);
}

export function expectApiError(
  error: unknown,
  context: TextFaultContext,
  fields: { statusCode?: number; isRetryable?: boolean; code?: boolean; streamCode?: boolean },
): APICallError {
  expect(APICallError.isInstance(error), `APICallError expected, got ${String(error)}`).toBe(true);
  const apiCallError = error as APICallError;
  if ('statusCode' in fields) expect(apiCallError.statusCode).toBe(fields.statusCode);
  if (fields.isRetryable !== undefined) expect(apiCallError.isRetryable).toBe(fields.isRetryable);
  if (fields.code && context.wire.errorCode) expect(apiCallError.code).toBe(context.wire.errorCode('fault_code'));
  const streamCode = context.wire.streamErrorCode ?? context.wire.errorCode;
  if (fields.streamCode && streamCode) expect(apiCallError.code).toBe(streamCode('fault_code'));
  expect(apiCallError.url.startsWith(context.server.url) || apiCallError.url.startsWith(context.refusedURL)).toBe(true);
  return apiCallError;
}

export function expectRetryError(error: unknown, reason: 'maxRetriesExceeded' | 'errorNotRetryable', attempts: number): RetryError {
  expect(RetryError.isInstance(error), `RetryError expected, got ${String(error)}`).toBe(true);
  const retryError = error as RetryError;
  expect(retryError.reason).toBe(reason);
  expect(retryError.errors).toHaveLength(attempts);
  expect(retryError.lastError).toBe(retryError.errors[attempts - 1]);
  return retryError;
}

export function expectTimeout(error: unknown): void {
  expect(error).toBeInstanceOf(DOMException);
  expect((error as DOMException).name).toBe('TimeoutError');
}

export function expectTyped(error: unknown, type: { isInstance(value: unknown): boolean }, name: string): void {
  expect(type.isInstance(error), `${name} expected, got ${String(error)} (${(error as Error)?.constructor?.name})`).toBe(true);
}

/** Every credential the request carried (headers, query), as a server or proxy that echoes the request would print it. */
export function echoed(request: IncomingMessage): string {
  const { authorization, 'api-key': apiKey, 'mj-api-secret': mjSecret } = request.headers;
  return `authorization: ${String(authorization)}; api-key: ${String(apiKey)}; mj-api-secret: ${String(mjSecret)}; url: ${request.url}`;
}

/** A promise resolved by the server side of a case (the request arrived, a body was half sent). */
export function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

/** Runs `call`, aborts with a fresh reason when `when` resolves, and checks the 100 ms settle bound and the reason's identity. */
export async function expectAbortSettles(context: TextFaultContext, when: Promise<void>, options: Partial<RunTextOptions> = {}): Promise<void> {
  const controller = new AbortController();
  const reason = new Error('caller abort');
  let abortedAt = 0;
  const pending = context.run({ ...options, abortSignal: controller.signal });
  await when;
  abortedAt = performance.now();
  controller.abort(reason);
  const outcome = await pending;
  expect(failure(outcome)).toBe(reason);
  // Requirement: every promise settles within 100 ms of the abort (typically < 5 ms).
  expect(outcome.settledAt - abortedAt).toBeLessThan(100);
}
