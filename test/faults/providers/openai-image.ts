import { createOpenAI } from '../../../providers/openai/index.js';
import type { FaultAdapter } from '../support/adapter.js';
import { uint8ArrayToBase64 } from '../../../src/util/base64.js';

/** OpenAI images (`POST /images/generations`, gpt-image-1 answers `b64_json`). */
const adapter: FaultAdapter = {
  name: 'openai-image',
  imageModel: ({ baseURL, secret, fetch }) => createOpenAI({ baseURL: `${baseURL}/v1`, apiKey: secret, fetch }).image('gpt-image-1'),
  image: {
    isGenerate: (path) => path === '/v1/images/generations',
    success: (png) => ({ contentType: 'application/json', body: JSON.stringify({ created: 1730000000, data: [{ b64_json: uint8ArrayToBase64(png) }] }) }),
    errorBody: (message) => JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code: 'fault_code' } }),
  },
};

export default adapter;
