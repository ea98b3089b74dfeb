import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';

/** What short ASR is told about a clip, checked against the service's limits. */
export interface BaiduAsrAudio {
  /** `pcm`, `wav`, `amr` or `m4a`. */
  format: 'pcm' | 'wav' | 'amr' | 'm4a';
  /** Sample rate, 16000 or 8000. */
  rate: 16000 | 8000;
  /** Length, when it can be computed (PCM and WAV). */
  durationInSeconds: number | undefined;
}

const MAX_SECONDS = 60;
const MAX_BYTES = 10 * 1024 * 1024;

const FORMATS: Record<string, BaiduAsrAudio['format']> = {
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/pcm': 'pcm',
  'audio/l16': 'pcm',
  'audio/x-pcm': 'pcm',
  'audio/amr': 'amr',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
};

/**
 * Checks a clip against short ASR's limits before it is sent: PCM, WAV or
 * AMR (M4A on the pro endpoint only), 16 kHz or 8 kHz, mono, 16-bit, at most
 * 60 s and 10 MB. A clip outside them would only come back as an error
 * (3308–3312) after the upload.
 */
export function checkBaiduAsrAudio(audio: Uint8Array, mediaType: string, options: { pro: boolean; rate?: 16000 | 8000 }): BaiduAsrAudio {
  const [type = '', ...parameters] = mediaType.toLowerCase().split(';').map((part) => part.trim());
  const format = FORMATS[type];
  if (!format || (format === 'm4a' && !options.pro)) {
    throw new InvalidArgumentError({
      argument: 'mediaType',
      message: `Baidu short ASR accepts audio/wav, audio/pcm and audio/amr${options.pro ? ' and audio/mp4 (m4a)' : ' (m4a only on the pro model)'}`,
      value: mediaType,
    });
  }
  if (audio.byteLength === 0) throw new InvalidArgumentError({ argument: 'audio', message: 'is empty' });
  if (audio.byteLength > MAX_BYTES) throw new InvalidArgumentError({ argument: 'audio', message: `is ${audio.byteLength} bytes; Baidu short ASR takes at most 10 MB` });
  const rateParameter = parameters.find((parameter) => parameter.startsWith('rate='));
  let rate = Number(rateParameter?.slice('rate='.length) ?? options.rate ?? (format === 'amr' ? 8000 : 16000));
  let duration: number | undefined;
  if (format === 'wav') {
    const wav = readWavHeader(audio);
    rate = wav.rate;
    if (wav.channels !== 1 || wav.bitsPerSample !== 16) {
      throw new InvalidArgumentError({ argument: 'audio', message: `is ${wav.channels}-channel ${wav.bitsPerSample}-bit WAV; Baidu short ASR takes mono 16-bit` });
    }
    duration = wav.dataBytes / (wav.rate * 2);
  } else if (format === 'pcm') {
    duration = audio.byteLength / (rate * 2);
  }
  if (rate !== 16000 && rate !== 8000) {
    throw new InvalidArgumentError({ argument: 'audio', message: `has a sample rate of ${rate} Hz; Baidu short ASR takes 16000 or 8000 Hz`, value: rate });
  }
  if (duration !== undefined && duration > MAX_SECONDS) {
    throw new InvalidArgumentError({ argument: 'audio', message: `is ${duration.toFixed(1)} s long; Baidu short ASR takes at most ${MAX_SECONDS} s` });
  }
  return { format, rate, durationInSeconds: duration };
}

/** Reads the `fmt ` and `data` chunks of a RIFF/WAVE file. */
function readWavHeader(audio: Uint8Array): { rate: number; channels: number; bitsPerSample: number; dataBytes: number } {
  const view = new DataView(audio.buffer, audio.byteOffset, audio.byteLength);
  const tag = (offset: number) => String.fromCharCode(...audio.subarray(offset, offset + 4));
  if (audio.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') {
    throw new InvalidArgumentError({ argument: 'audio', message: 'is not a RIFF/WAVE file, though mediaType says WAV' });
  }
  let format: { rate: number; channels: number; bitsPerSample: number } | undefined;
  let offset = 12;
  while (offset + 8 <= audio.byteLength) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ' && offset + 24 <= audio.byteLength) {
      format = { channels: view.getUint16(offset + 10, true), rate: view.getUint32(offset + 12, true), bitsPerSample: view.getUint16(offset + 22, true) };
    } else if (id === 'data') {
      if (!format) break;
      // Streaming recorders leave the size at 0 or 0xFFFFFFFF; count what is there.
      const available = audio.byteLength - offset - 8;
      return Object.assign({}, format, { dataBytes: size === 0 || size > available ? available : size });
    }
    offset += 8 + size + (size % 2);
  }
  throw new InvalidArgumentError({ argument: 'audio', message: 'is a WAV file without a readable fmt and data chunk' });
}
