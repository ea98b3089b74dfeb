// OpenAI media wire formats (WIRE.md §1.4–1.6): images (base64 or URLs the
// client downloads from the emulator), speech (a chunked audio body) and
// transcription (multipart in, verbose_json or json out).
import { readFileSync } from 'node:fs';
import { fixture, sendJson } from '../fixtures.mjs';

const fixtures = new URL('../../../test/providers/openai/fixtures/', import.meta.url);
const MP3 = readFileSync(new URL('audio-speech-basic.mp3', fixtures));
const PNG_BASE64 = fixture('openai', 'images-generations-gpt-image').data[0].b64_json;
const PNG = Buffer.from(PNG_BASE64, 'base64');
const FILES_PATH = '/emulator-files/openai/';

function unauthorized(context) {
  const auth = context.request.headers.authorization ?? '';
  if (auth.startsWith('Bearer ') && auth.length > 'Bearer '.length) return false;
  sendJson(context.response, 401, fixture('openai', 'error-401'));
  return true;
}

/** Half a second of 24 kHz 16-bit mono silence, as WAV (with header) or raw PCM. */
function silence(withHeader) {
  const data = Buffer.alloc(24_000);
  if (!withHeader) return data;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(24_000, 24);
  header.writeUInt32LE(48_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Sends `bytes` chunked with small pauses, the way OpenAI streams audio as it is produced. */
async function sendChunked(response, bytes, contentType, chunkSize = 256) {
  response.writeHead(200, { 'content-type': contentType, 'x-request-id': 'req_emulator' });
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    if (response.destroyed) return;
    response.write(bytes.subarray(offset, offset + chunkSize));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  response.end();
}

/** The value of a text field of a multipart body (enough for `model`). */
function formField(raw, name) {
  const match = new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)\\r\\n`).exec(raw.toString('latin1'));
  return match?.[1];
}

export const routes = [
  {
    method: 'POST',
    match: (path) => path.endsWith('/images/generations'),
    handle(context) {
      if (unauthorized(context)) return;
      const body = context.json();
      const n = Math.min(Math.max(body.n ?? 1, 1), 10);
      const model = body.model ?? 'dall-e-2';
      if (model.startsWith('dall-e') && body.response_format !== 'b64_json') {
        // Like OpenAI's signed blob URLs: another host in real life, a plain GET with no credentials.
        const base = `http://${context.request.headers.host}${FILES_PATH}`;
        const data = Array.from({ length: n }, (_, index) => ({
          url: `${base}image-${index}.png?sig=emulator-signature`,
          ...(model.startsWith('dall-e-3') ? { revised_prompt: `${body.prompt} (revised by the emulator)` } : {}),
        }));
        return sendJson(context.response, 200, { created: Math.floor(Date.now() / 1000), data }, { 'x-request-id': 'req_emulator' });
      }
      const template = fixture('openai', 'images-generations-gpt-image');
      return sendJson(context.response, 200, { ...template, created: Math.floor(Date.now() / 1000), data: Array.from({ length: n }, () => ({ b64_json: PNG_BASE64 })) }, { 'x-request-id': 'req_emulator' });
    },
  },
  {
    method: 'POST',
    match: (path) => path.endsWith('/images/edits'),
    handle(context) {
      if (unauthorized(context)) return;
      return sendJson(context.response, 200, fixture('openai', 'images-edits-gpt-image'), { 'x-request-id': 'req_emulator' });
    },
  },
  {
    method: 'GET',
    match: (path) => path.startsWith(FILES_PATH),
    handle(context) {
      context.response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(PNG.length) });
      context.response.end(PNG);
    },
  },
  {
    method: 'POST',
    match: (path) => path.endsWith('/audio/speech'),
    async handle(context) {
      if (unauthorized(context)) return;
      const format = context.json().response_format ?? 'mp3';
      if (format === 'wav') return sendChunked(context.response, silence(true), 'audio/wav');
      if (format === 'pcm') return sendChunked(context.response, silence(false), 'audio/pcm');
      return sendChunked(context.response, MP3, 'audio/mpeg');
    },
  },
  {
    method: 'POST',
    match: (path) => path.endsWith('/audio/transcriptions'),
    handle(context) {
      if (unauthorized(context)) return;
      const model = formField(context.raw, 'model') ?? 'whisper-1';
      const format = formField(context.raw, 'response_format') ?? 'json';
      const name = format === 'verbose_json' ? 'audio-transcriptions-verbose' : 'audio-transcriptions-json';
      return sendJson(context.response, 200, fixture('openai', name), { 'x-request-id': 'req_emulator', 'openai-model': model });
    },
  },
];
