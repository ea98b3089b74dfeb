import { createAzure } from '../../../providers/azure/index.js';
import type { FaultAdapter } from '../support/adapter.js';
import { uint8ArrayToBase64 } from '../../../src/util/base64.js';

/** Azure OpenAI image on the v1 API (`api-key` header), the OpenAI wire behind Azure's gateway. */
const adapter: FaultAdapter = {
  name: 'azure-image',
  imageModel: ({ baseURL, secret, fetch }) => createAzure({ baseURL: `${baseURL}/openai`, apiKey: secret, fetch }).image('gpt-image-1'),
  image: {
    isGenerate: (path) => path === '/openai/v1/images/generations',
    success: (png) => ({ contentType: 'application/json', body: JSON.stringify({ created: 1730000000, data: [{ b64_json: uint8ArrayToBase64(png) }] }) }),
    errorBody: (message) => JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code: 'fault_code' } }),
  },
};

export default adapter;
