import { createBaidu } from '../../../providers/baidu/index.js';
import type { FaultAdapter, TextWire } from '../support/adapter.js';

const frame = (index: number, result: string, end: boolean) =>
  `data: ${JSON.stringify({
    id: 'as-fault',
    object: 'chat.completion',
    created: 1730000000,
    sentence_id: index,
    is_end: end,
    is_truncated: false,
    result,
    need_clear_history: false,
    usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
  })}\n\n`;

/** v1 wenxinworkshop: `result` increments, `is_end` on the last frame, no `[DONE]`, errors as `error_code` bodies. */
const v1Wire: TextWire = {
  generateBody: (text) =>
    JSON.stringify({
      id: 'as-fault',
      object: 'chat.completion',
      created: 1730000000,
      result: text,
      is_truncated: false,
      need_clear_history: false,
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    }),
  streamHead: (deltas) => deltas.map((text, index) => frame(index, text, false)).join(''),
  streamBody: (deltas) => v1Wire.streamHead(deltas) + frame(deltas.length, '', true),
  // 336100 "server high load": a busy code, mid-stream.
  streamError: (message) => `data: ${JSON.stringify({ error_code: 336100, error_msg: message })}\n\n`,
  streamErrorCode: () => '336100',
  // HTTP-level errors come from Baidu's gateway, not the v1 service: a code with no retry opinion of its own.
  errorBody: (message, code) => JSON.stringify({ error: { code, message, type: 'gateway_error' } }),
  errorCode: (code) => code,
};

/** Baidu ERNIE over the v1 API: client id + secret exchanged for an OAuth access token sent in the query. */
const adapter: FaultAdapter = {
  name: 'baidu-v1',
  languageModel: ({ baseURL, secret, fetch, maxResponseBytes }) =>
    createBaidu({ baseURL, clientId: 'fault-client-id', clientSecret: secret, fetch, maxResponseBytes })('ernie-4.5-turbo-128k', { api: 'v1' }),
  text: v1Wire,
  supportsMaxResponseBytes: true,
  auxiliaryRoutes: (secret) => [
    { match: (path) => path === '/oauth/2.0/token', body: JSON.stringify({ access_token: `24.${secret}.token`, expires_in: 2592000, scope: 'public' }) },
  ],
};

export default adapter;
