import { createAzure } from '../../../providers/azure/index.js';
import type { FaultAdapter } from '../support/adapter.js';
import { openAIChatWire } from './openai.js';

/** Azure OpenAI, v1 API (`…/openai/v1/chat/completions`, `api-key` header). */
const adapter: FaultAdapter = {
  name: 'azure',
  languageModel: ({ baseURL, secret, fetch, maxResponseBytes }) =>
    createAzure({ baseURL: `${baseURL}/openai`, apiKey: secret, fetch, maxResponseBytes })('gpt-4o-deployment'),
  text: openAIChatWire,
  supportsMaxResponseBytes: true,
};

export default adapter;
