import { createAzure } from '../../../providers/azure/index.js';
import type { FaultAdapter } from '../support/adapter.js';
import { openAIChatWire } from './openai.js';

/** Azure OpenAI, v1 API (`…/openai/v1/chat/completions`, `api-key` header). */
const adapter: FaultAdapter = {
  name: 'azure',
  languageModel: ({ baseURL, secret, fetch }) => createAzure({ baseURL: `${baseURL}/openai`, apiKey: secret, fetch })('gpt-4o-deployment'),
  text: openAIChatWire,
};

export default adapter;
