import { describe, expect, it } from 'vitest';
import { createApiError, type RequestContext } from '../../src/http/index.js';

const context = (isRetryable: boolean): RequestContext => ({
  provider: 'test.chat',
  method: 'POST',
  url: 'https://api.test/v1/chat',
  secrets: [],
  parseError: () => ({ message: 'provider says', code: 'c', isRetryable }),
});

describe('createApiError', () => {
  // Regression (issue 11): a provider code's retry opinion beat the server's x-should-retry (DESIGN §5: the header wins).
  it('lets x-should-retry override the provider code', () => {
    expect(createApiError(context(false), { statusCode: 400, text: '{}', responseHeaders: { 'x-should-retry': 'true' } }).isRetryable).toBe(true);
    expect(createApiError(context(true), { statusCode: 503, text: '{}', responseHeaders: { 'x-should-retry': 'false' } }).isRetryable).toBe(false);
  });

  it('uses the provider code without the header', () => {
    expect(createApiError(context(false), { statusCode: 429, text: '{}', responseHeaders: {} }).isRetryable).toBe(false);
    expect(createApiError(context(true), { statusCode: 400, text: '{}', responseHeaders: {} }).isRetryable).toBe(true);
  });
});
