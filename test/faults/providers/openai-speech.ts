import { createOpenAI } from '../../../providers/openai/index.js';
import type { FaultAdapter } from '../support/adapter.js';

/** OpenAI text-to-speech (`POST /audio/speech`, the audio streamed back chunked). */
const adapter: FaultAdapter = {
  name: 'openai-speech',
  speechModel: ({ baseURL, secret, fetch }) => createOpenAI({ baseURL: `${baseURL}/v1`, apiKey: secret, fetch }).speech('gpt-4o-mini-tts'),
  speech: {
    isSynthesize: (path) => path === '/v1/audio/speech',
    audioContentType: 'audio/mpeg',
    errorBody: (message) => JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code: 'fault_code' } }),
  },
};

export default adapter;
