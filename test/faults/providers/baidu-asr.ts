import { createBaidu } from '../../../providers/baidu/index.js';
import type { FaultAdapter } from '../support/adapter.js';

/** Baidu 短语音识别 (`POST /server_api`, the access token in the JSON body). */
const adapter: FaultAdapter = {
  name: 'baidu-asr',
  transcriptionModel: ({ baseURL, secret, fetch }) => createBaidu({ baseURL, clientId: 'fault-client-id', clientSecret: secret, fetch }).transcription('mandarin'),
  auxiliaryRoutes: (secret) => [
    { match: (path) => path === '/oauth/2.0/token', body: JSON.stringify({ access_token: `24.${secret}.token`, expires_in: 2592000, scope: 'audio_voice_assistant_get' }) },
  ],
  transcription: {
    audio: { data: new Uint8Array(3_200), mediaType: 'audio/pcm;rate=16000' },
    isTranscribe: (path) => path === '/server_api',
    success: (text) => JSON.stringify({ corpus_no: '6595003755536106531', err_msg: 'success.', err_no: 0, result: [text], sn: 'fault' }),
    // HTTP-level errors come from Baidu's gateway: a body with no retry opinion of its own.
    errorBody: (message) => JSON.stringify({ error: { code: 'fault_code', message, type: 'gateway_error' } }),
  },
};

export default adapter;
