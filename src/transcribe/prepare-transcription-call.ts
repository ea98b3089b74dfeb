import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { ProviderOptions, TranscriptionModel } from '../provider/index.js';
import { base64ToUint8Array } from '../util/base64.js';
import { isPlainObject, validateCommonSettings } from '../util/call-signal.js';
import { detectMediaType } from '../util/detect-media-type.js';
import { download, type DownloadSettings } from '../util/download.js';

/** Audio as `transcribe` accepts it: bytes, a Blob/File, a URL, or base64 (a data URL too). */
export type TranscriptionAudio = Uint8Array | ArrayBuffer | Blob | URL | string;

/** Options of {@link transcribe}. */
export interface TranscribeOptions {
  /** The transcription model, e.g. `openai.transcription('whisper-1')`. */
  model: TranscriptionModel;
  /** The audio. URLs (and `http(s)` strings) are downloaded by core, size-capped, without credentials. */
  audio: TranscriptionAudio;
  /** IANA media type, e.g. `audio/wav`; otherwise taken from the Blob, the download or the bytes. */
  mediaType?: string;
  /** Language hint, ISO 639-1 (`zh`, `en`). */
  language?: string;
  /** Context or spelling hints, for models that take them. */
  prompt?: string;
  /** Per-provider options, e.g. `{ openai: { temperature: 0 } }`. */
  providerOptions?: ProviderOptions;
  /** Limits for downloading audio given as a URL. */
  download?: DownloadSettings;
  /** Retries; default 2. */
  maxRetries?: number;
  /** Milliseconds for the whole call, including the download and retries. */
  timeout?: number;
  /** Cancels the call; its reason is rethrown untouched. */
  abortSignal?: AbortSignal;
  /** Extra HTTP headers for the provider. */
  headers?: Record<string, string | undefined>;
}

/** A validated call whose audio may still need reading or downloading. */
export interface PreparedTranscriptionCall {
  model: TranscriptionModel;
  maxRetries: number;
  timeout: number | undefined;
  /** Reads, decodes or downloads the audio; rejects empty audio with `InvalidArgumentError`. */
  loadAudio(signal: AbortSignal | undefined): Promise<{ audio: Uint8Array; mediaType: string }>;
}

/** Validates every option and throws `InvalidArgumentError` naming the field, before any request. */
export function prepareTranscriptionCall(options: TranscribeOptions): PreparedTranscriptionCall {
  if (!isPlainObject(options)) throw new InvalidArgumentError({ argument: 'options', message: 'must be an object' });
  const { maxRetries, timeout } = validateCommonSettings(options);
  const model = options.model as TranscriptionModel | undefined;
  if (typeof model?.doTranscribe !== 'function') {
    throw new InvalidArgumentError({ argument: 'model', message: 'must be a TranscriptionModel, e.g. openai.transcription("whisper-1")' });
  }
  for (const key of ['mediaType', 'language', 'prompt'] as const) {
    const value = options[key];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
      throw new InvalidArgumentError({ argument: key, message: 'must be a non-empty string', value });
    }
  }
  const source = classify(options.audio);
  return {
    model,
    maxRetries,
    timeout,
    async loadAudio(signal) {
      const loaded = await load(source, options.download, signal);
      if (loaded.bytes.byteLength === 0) throw new InvalidArgumentError({ argument: 'audio', message: 'must not be empty' });
      const mediaType = options.mediaType ?? audioType(loaded.mediaType) ?? detectMediaType(loaded.bytes) ?? 'application/octet-stream';
      return { audio: loaded.bytes, mediaType };
    },
  };
}

type AudioSource = { type: 'bytes'; bytes: Uint8Array; mediaType?: string } | { type: 'blob'; blob: Blob } | { type: 'url'; url: URL };

function classify(audio: unknown): AudioSource {
  const empty = () => new InvalidArgumentError({ argument: 'audio', message: 'must not be empty' });
  if (audio instanceof Uint8Array || audio instanceof ArrayBuffer) {
    const bytes = audio instanceof ArrayBuffer ? new Uint8Array(audio) : audio;
    if (bytes.byteLength === 0) throw empty();
    return { type: 'bytes', bytes };
  }
  if (typeof Blob !== 'undefined' && audio instanceof Blob) {
    if (audio.size === 0) throw empty();
    return { type: 'blob', blob: audio };
  }
  if (audio instanceof URL) return { type: 'url', url: audio };
  if (typeof audio === 'string') {
    if (audio.trim() === '') throw empty();
    if (/^https?:\/\//i.test(audio)) return { type: 'url', url: new URL(audio) };
    const dataUrl = /^data:([^;,]+)?;base64,/i.exec(audio);
    const bytes = decode(dataUrl ? audio.slice(dataUrl[0].length) : audio);
    if (bytes.byteLength === 0) throw empty();
    return { type: 'bytes', bytes, mediaType: dataUrl?.[1] };
  }
  throw new InvalidArgumentError({ argument: 'audio', message: 'must be a Uint8Array, ArrayBuffer, Blob, URL or base64 string' });
}

async function load(source: AudioSource, settings: DownloadSettings | undefined, signal: AbortSignal | undefined) {
  if (source.type === 'bytes') return { bytes: source.bytes, mediaType: source.mediaType };
  if (source.type === 'blob') return { bytes: new Uint8Array(await source.blob.arrayBuffer()), mediaType: source.blob.type || undefined };
  const downloaded = await download(source.url, settings, signal);
  return { bytes: downloaded.data, mediaType: downloaded.mediaType };
}

function decode(base64: string): Uint8Array {
  try {
    return base64ToUint8Array(base64);
  } catch {
    throw new InvalidArgumentError({ argument: 'audio', message: 'a string must be base64, a data URL or an http(s) URL' });
  }
}

// A CDN's `application/octet-stream` or `text/plain` says nothing about the audio.
function audioType(mediaType: string | undefined): string | undefined {
  const type = mediaType?.split(';')[0]!.trim().toLowerCase();
  return type && (type.startsWith('audio/') || type.startsWith('video/')) ? type : undefined;
}
