import { createAzure } from '../../../providers/azure/index.js';
import type { FaultAdapter } from '../support/adapter.js';
import { openAIChatWire } from './openai.js';

/** Azure OpenAI with a Microsoft Entra ID token (`getToken`, sent as a bearer token) on a dated deployment URL. */
const adapter: FaultAdapter = {
  name: 'azure-entra',
  languageModel: ({ baseURL, secret, fetch, maxResponseBytes }) =>
    createAzure({ baseURL: `${baseURL}/openai`, getToken: async () => `${secret}.entra`, apiVersion: '2024-10-21', fetch, maxResponseBytes })('gpt-4o-deployment'),
  text: openAIChatWire,
  supportsMaxResponseBytes: true,
};

export default adapter;
