import { createAutomatic1111 } from '../../../providers/stability/index.js';
import type { FaultAdapter } from '../support/adapter.js';
import { uint8ArrayToBase64 } from '../../../src/util/base64.js';

/** A self-hosted AUTOMATIC1111 WebUI (`/sdapi/v1/txt2img`, HTTP basic auth with the password as the secret). */
const adapter: FaultAdapter = {
  name: 'automatic1111',
  imageModel: ({ baseURL, secret, fetch }) => createAutomatic1111({ baseURL, username: 'fault-user', password: secret, fetch }).image(),
  image: {
    isGenerate: (path) => path === '/sdapi/v1/txt2img',
    success: (png) => ({
      contentType: 'application/json',
      body: JSON.stringify({ images: [uint8ArrayToBase64(png)], parameters: {}, info: JSON.stringify({ seed: 42, all_seeds: [42], infotexts: ['fault'] }) }),
    }),
    errorBody: (message) => JSON.stringify({ error: 'HTTPException', detail: message, body: '', errors: '' }),
  },
};

export default adapter;
