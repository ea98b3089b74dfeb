import { createAutomatic1111 } from '../../../providers/stability/index.js';
import type { FaultAdapter } from '../support/adapter.js';
import { uint8ArrayToBase64 } from '../../../src/util/base64.js';

/** AUTOMATIC1111 with the basic-auth credentials in the base URL (`http://user:password@host`): they must leave the URL and never show in it. */
const adapter: FaultAdapter = {
  name: 'a1111-url-auth',
  imageModel: ({ baseURL, secret, fetch }) => createAutomatic1111({ baseURL: baseURL.replace('http://', `http://fault-user:${secret}@`), fetch }).image(),
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
