import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { APICallError } from '../../src/errors/index.js';
import { sendRequest } from '../../src/http/index.js';
import { server } from '../support/msw-server.js';

describe('sendRequest secrets', () => {
  it('scrubs secrets sent in the body from the error message and body', async () => {
    const token = '24.secret-token-in-a-form-body';
    let form = '';
    server.use(
      http.post('https://tts.example.com/text2audio', async ({ request }) => {
        form = await request.text();
        return HttpResponse.json({ err_no: 502, err_msg: `token ${token} is invalid` }, { status: 500 });
      }),
    );
    const error = await sendRequest({
      provider: 'test.speech',
      url: 'https://tts.example.com/text2audio',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ tok: token }).toString(),
      secrets: [token],
      parseError: (data) => ({ message: String((data as { err_msg: string }).err_msg) }),
    }).catch((caught: unknown) => caught);
    expect(form).toBe(`tok=${encodeURIComponent(token)}`);
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(500);
    expect(apiError.message).toContain('token *** is invalid');
    expect(JSON.stringify({ ...apiError, message: apiError.message })).not.toContain(token);
  });
});
