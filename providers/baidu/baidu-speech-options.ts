import { parseBaiduOptions } from './parse-baidu-options.js';

/** `providerOptions.baidu` for `baidu.speech('tts')`. */
export interface BaiduSpeechOptions {
  /** Pitch 0–15 (`pit`), default 5. */
  pit?: number;
  /** Volume 0–15 (`vol`), default 5 (older voices 0–9). */
  vol?: number;
  /** Speed 0–15 (`spd`); wins over `speed`. */
  spd?: number;
  /** The client id for this call (`cuid`). */
  cuid?: string;
}

/** `providerOptions.baidu` for `baidu.transcription(…)`. */
export interface BaiduTranscriptionOptions {
  /** Sample rate of raw PCM, 16000 (default) or 8000; read from the WAV header for WAV. */
  rate?: 16000 | 8000;
  /** A self-trained language model id (`lm_id`). */
  lmId?: number;
  /** The client id for this call (`cuid`). */
  cuid?: string;
}

const level = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 15;

const SPEECH_CHECKS: Record<keyof BaiduSpeechOptions, (value: unknown) => boolean> = {
  pit: level,
  vol: level,
  spd: level,
  cuid: (value) => typeof value === 'string' && value !== '',
};

const TRANSCRIPTION_CHECKS: Record<keyof BaiduTranscriptionOptions, (value: unknown) => boolean> = {
  rate: (value) => value === 16000 || value === 8000,
  lmId: (value) => typeof value === 'number' && Number.isInteger(value),
  cuid: (value) => typeof value === 'string' && value !== '',
};

/** Validates `providerOptions.baidu` for speech synthesis. */
export function parseBaiduSpeechOptions(value: unknown): BaiduSpeechOptions {
  return parseBaiduOptions(value, SPEECH_CHECKS, 'speech');
}

/** Validates `providerOptions.baidu` for transcription. */
export function parseBaiduTranscriptionOptions(value: unknown): BaiduTranscriptionOptions {
  return parseBaiduOptions(value, TRANSCRIPTION_CHECKS, 'transcription');
}
