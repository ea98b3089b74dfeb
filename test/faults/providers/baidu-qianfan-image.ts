import { createBaidu } from '../../../providers/baidu/index.js';
import type { FaultAdapter } from '../support/adapter.js';

/** Qianfan v2 images (`POST /v2/images/generations`, bearer key, image URLs that core downloads). */
const adapter: FaultAdapter = {
  name: 'baidu-qianfan-image',
  imageModel: ({ baseURL, secret, fetch }) => createBaidu({ baseURL, apiKey: secret, fetch }).image('irag-1.0'),
  image: {
    isGenerate: (path) => path === '/v2/images/generations',
    success: (_png, imageUrl) => ({ contentType: 'application/json', body: JSON.stringify({ id: 'as-fault', created: 1730000000, data: [{ url: imageUrl }] }) }),
    errorBody: (message) => JSON.stringify({ error: { code: 'fault_code', message, type: 'invalid_request_error' }, id: 'as-fault' }),
  },
};

export default adapter;
