import { createAzure } from '../../../providers/azure/index.js';
import type { FaultAdapter } from '../support/adapter.js';

/** Azure OpenAI speech on the v1 API (`api-key` header), the OpenAI wire behind Azure's gateway. */
const adapter: FaultAdapter = {
  name: 'azure-speech',
  speechModel: ({ baseURL, secret, fetch }) => createAzure({ baseURL: `${baseURL}/openai`, apiKey: secret, fetch }).speech('gpt-4o-mini-tts'),
  speech: {
    isSynthesize: (path) => path === '/openai/v1/audio/speech',
    audioContentType: 'audio/mpeg',
    errorBody: (message) => JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code: 'fault_code' } }),
  },
};

export default adapter;
