import { createAzure } from '../../../providers/azure/index.js';
import type { FaultAdapter } from '../support/adapter.js';

/** Azure OpenAI transcription on the v1 API (`api-key` header), the OpenAI wire behind Azure's gateway. */
const adapter: FaultAdapter = {
  name: 'azure-transcription',
  transcriptionModel: ({ baseURL, secret, fetch }) => createAzure({ baseURL: `${baseURL}/openai`, apiKey: secret, fetch }).transcription('whisper-1'),
  transcription: {
    // An MPEG audio frame header, then filler: the suite never decodes it.
    audio: { data: Uint8Array.from({ length: 2_048 }, (_, index) => (index < 2 ? [0xff, 0xfb][index]! : 0)), mediaType: 'audio/mpeg' },
    isTranscribe: (path) => path === '/openai/v1/audio/transcriptions',
    success: (text) => JSON.stringify({ text, language: 'chinese', duration: 1.5, segments: [] }),
    errorBody: (message) => JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code: 'fault_code' } }),
  },
};

export default adapter;
