import { createBaidu } from '../../../providers/baidu/index.js';
import type { FaultAdapter, TextWire } from '../support/adapter.js';

const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
  `data: ${JSON.stringify({ id: 'as-fault', object: 'chat.completion.chunk', created: 1730000000, model: 'ernie-4.5-turbo-128k', choices: [{ index: 0, delta, finish_reason: finishReason, flag: 0 }] })}\n\n`;

/** Qianfan v2 (OpenAI-compatible with Baidu's error body and `normal` finish reason). */
export const qianfanV2Wire: TextWire = {
  generateBody: (text) =>
    JSON.stringify({
      id: 'as-fault',
      object: 'chat.completion',
      created: 1730000000,
      model: 'ernie-4.5-turbo-128k',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'normal', flag: 0 }],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    }),
  streamHead: (deltas) => deltas.map((text) => chunk({ content: text })).join(''),
  streamBody: (deltas) =>
    qianfanV2Wire.streamHead(deltas) +
    chunk({}, 'normal') +
    `data: ${JSON.stringify({ id: 'as-fault', object: 'chat.completion.chunk', created: 1730000000, model: 'ernie-4.5-turbo-128k', choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } })}\n\n` +
    'data: [DONE]\n\n',
  streamError: (message, code) => `data: ${JSON.stringify({ error: { code, message, type: 'server_error' }, id: 'as-fault' })}\n\n`,
  errorBody: (message, code) => JSON.stringify({ error: { code, message, type: 'invalid_request_error' }, id: 'as-fault' }),
  errorCode: (code) => code,
};

/** Baidu ERNIE over Qianfan v2 (bearer API key). */
const adapter: FaultAdapter = {
  name: 'baidu-v2',
  languageModel: ({ baseURL, secret, fetch, maxResponseBytes }) => createBaidu({ baseURL, apiKey: secret, fetch, maxResponseBytes })('ernie-4.5-turbo-128k', { api: 'v2' }),
  text: qianfanV2Wire,
  supportsMaxResponseBytes: true,
};

export default adapter;
