import { createBaidu } from '../../../providers/baidu/index.js';
import type { FaultAdapter } from '../support/adapter.js';

/** Baidu 短文本在线合成 (`POST /text2audio`, the access token in the form body). */
const adapter: FaultAdapter = {
  name: 'baidu-tts',
  speechModel: ({ baseURL, secret, fetch }) => createBaidu({ baseURL, clientId: 'fault-client-id', clientSecret: secret, fetch }).speech('tts'),
  auxiliaryRoutes: (secret) => [
    { match: (path) => path === '/oauth/2.0/token', body: JSON.stringify({ access_token: `24.${secret}.token`, expires_in: 2592000, scope: 'audio_tts_post' }) },
  ],
  speech: {
    isSynthesize: (path) => path === '/text2audio',
    audioContentType: 'audio/mp3',
    // HTTP-level errors come from Baidu's gateway, not the TTS service: a body with no retry opinion of its own.
    errorBody: (message) => JSON.stringify({ error: { code: 'fault_code', message, type: 'gateway_error' } }),
  },
};

export default adapter;
