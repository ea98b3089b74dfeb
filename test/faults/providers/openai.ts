import { createOpenAI } from '../../../providers/openai/index.js';
import type { FaultAdapter, TextWire } from '../support/adapter.js';

const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-f', object: 'chat.completion.chunk', created: 1730000000, model: 'gpt-4o-mini', choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;

/** OpenAI Chat Completions (also the wire of Azure and every OpenAI-compatible server). */
export const openAIChatWire: TextWire = {
  generateBody: (text) =>
    JSON.stringify({
      id: 'chatcmpl-f',
      object: 'chat.completion',
      created: 1730000000,
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    }),
  streamHead: (deltas) => chunk({ role: 'assistant', content: '' }) + deltas.map((text) => chunk({ content: text })).join(''),
  streamBody: (deltas) =>
    openAIChatWire.streamHead(deltas) +
    chunk({}, 'stop') +
    `data: ${JSON.stringify({ id: 'chatcmpl-f', object: 'chat.completion.chunk', created: 1730000000, model: 'gpt-4o-mini', choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } })}\n\n` +
    'data: [DONE]\n\n',
  streamError: (message, code) => `data: ${JSON.stringify({ error: { message, type: 'server_error', param: null, code } })}\n\n`,
  errorBody: (message, code) => JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code } }),
  errorCode: (code) => code,
};

const adapter: FaultAdapter = {
  name: 'openai',
  languageModel: ({ baseURL, secret, maxResponseBytes, fetch }) =>
    createOpenAI({ baseURL: `${baseURL}/v1`, apiKey: secret, organization: 'org-fault', maxResponseBytes, fetch })('gpt-4o-mini'),
  text: openAIChatWire,
  supportsMaxResponseBytes: true,
};

export default adapter;
