import { createStability } from '../../../providers/stability/index.js';
import type { FaultAdapter } from '../support/adapter.js';

/** Stability AI v2beta Stable Image Core (multipart POST, `Accept: image/*`, raw PNG back). */
const adapter: FaultAdapter = {
  name: 'stability',
  imageModel: ({ baseURL, secret, fetch }) => createStability({ baseURL, apiKey: secret, fetch }).image('core'),
  image: {
    isGenerate: (path) => path === '/v2beta/stable-image/generate/core',
    success: (png) => ({ contentType: 'image/png', body: png, headers: { 'finish-reason': 'SUCCESS', seed: '42' } }),
    errorBody: (message) => JSON.stringify({ id: 'fault', name: 'bad_request', errors: [message] }),
  },
};

export default adapter;
