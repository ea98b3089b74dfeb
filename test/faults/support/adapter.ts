import type { ImageModel, LanguageModel, SpeechModel, TranscriptionModel } from '../../../src/provider/index.js';

/** A route answered normally in every case: `body` (JSON) with status 200. */
export interface AuxiliaryRoute {
  match(path: string): boolean;
  body: string;
}

/** What an adapter needs to build a model that talks to the fault server. */
export interface ModelSetup {
  /** The fault server's base URL (`http://127.0.0.1:port`); the adapter appends its provider's prefix. */
  baseURL: string;
  /** The one marker every credential (key, secret, token) is set to; it must never surface anywhere. */
  secret: string;
  /** Forwarded to the provider's `maxResponseBytes` setting when set. */
  maxResponseBytes?: number;
  /** Forwarded to the provider's `fetch` setting when set (the fuzz tests answer in memory). */
  fetch?: typeof globalThis.fetch;
}

/** The provider's wire format, enough to script success and failure answers. */
export interface TextWire {
  /** `content-type` of a successful stream (`text/event-stream` for every SSE provider). */
  streamContentType?: string;
  /** A whole successful non-streaming body whose text is `text`. */
  generateBody(text: string): string;
  /** A whole successful stream (terminator included) whose text deltas are `deltas`. */
  streamBody(deltas: string[]): string;
  /** Frames carrying `deltas`, with no finish marker and no terminator (a cut-off stream). */
  streamHead(deltas: string[]): string;
  /** One frame that reports an error in the middle of a stream, with this message and code. */
  streamError(message: string, code: string): string;
  /** The `code` the provider reports for `streamError(…, code)`; defaults to {@link TextWire.errorCode}. */
  streamErrorCode?(code: string): string | undefined;
  /** A non-2xx JSON error body with this message and code. */
  errorBody(message: string, code: string): string;
  /** The `code` the provider reports on the error for `errorBody(…, code)`; undefined when it has none. */
  errorCode?(code: string): string | undefined;
}

/** A submit-then-poll image provider's wire, enough to script a job. */
export interface JobWire {
  /** True for the submit request's path. */
  isSubmit(path: string): boolean;
  /** True for the poll request's path. */
  isPoll(path: string): boolean;
  /** The submit answer for a new job `jobId`. */
  submitted(jobId: string): string;
  /** A poll answer: still running at `progress` (0..1). */
  running(jobId: string, progress: number): string;
  /** A poll answer: done, the image at `imageUrl`. */
  succeeded(jobId: string, imageUrl: string): string;
  /** A poll answer: the provider failed the job. */
  failed(jobId: string, reason: string): string;
  /** A non-2xx JSON error body. */
  errorBody(message: string): string;
}

/** A synchronous image endpoint's wire. */
export interface ImageWire {
  /** True for the generate request's path. */
  isGenerate(path: string): boolean;
  /** A success answer carrying `png` (inline, or as a URL on the fault server the suite serves at `imageUrl`). */
  success(png: Uint8Array, imageUrl: string): { contentType: string; body: string | Uint8Array; headers?: Record<string, string> };
  /** A non-2xx JSON error body. */
  errorBody(message: string): string;
}

/** A speech synthesis endpoint's wire. */
export interface SpeechWire {
  /** True for the synthesis request's path. */
  isSynthesize(path: string): boolean;
  /** The `content-type` of a successful audio answer. */
  audioContentType: string;
  /** A non-2xx JSON error body. */
  errorBody(message: string): string;
}

/** A transcription endpoint's wire. */
export interface TranscriptionWire {
  /** The clip the suite sends, in a format the provider takes. */
  audio: { data: Uint8Array; mediaType: string };
  /** True for the transcription request's path. */
  isTranscribe(path: string): boolean;
  /** A success body (JSON) whose transcript is `text`. */
  success(text: string): string;
  /** A non-2xx JSON error body. */
  errorBody(message: string): string;
}

/**
 * One provider in the fault suite. Adding a provider is one file in
 * `test/faults/providers/` that default-exports one of these.
 */
export interface FaultAdapter {
  /** Column name in the matrix, e.g. `openai`, `baidu-v1`. */
  name: string;
  /** Builds a language model pointing at the fault server with every credential set to `setup.secret`. */
  languageModel?(setup: ModelSetup): LanguageModel;
  /** The text wire format (required with `languageModel`). */
  text?: TextWire;
  /** Requests that are not the target of a case, answered 200 with JSON (e.g. Baidu's OAuth token exchange). */
  auxiliaryRoutes?(secret: string): AuxiliaryRoute[];
  /** Builds a job-based image model pointing at the fault server, polling every `pollIntervalMs`. */
  jobImageModel?(setup: ModelSetup & { pollIntervalMs: number }): ImageModel;
  /** The job wire (required with `jobImageModel`). */
  job?: JobWire;
  /** Builds a synchronous image model pointing at the fault server. */
  imageModel?(setup: ModelSetup): ImageModel;
  /** The synchronous image wire (required with `imageModel`). */
  image?: ImageWire;
  /** Builds a speech model pointing at the fault server. */
  speechModel?(setup: ModelSetup): SpeechModel;
  /** The speech wire (required with `speechModel`). */
  speech?: SpeechWire;
  /** Builds a transcription model pointing at the fault server. */
  transcriptionModel?(setup: ModelSetup): TranscriptionModel;
  /** The transcription wire (required with `transcriptionModel`). */
  transcription?: TranscriptionWire;
  /** Provider options for every job call (e.g. `{ midjourney: { split: false } }`). */
  jobProviderOptions?: Record<string, Record<string, unknown>>;
  /** Whether `maxResponseBytes` is supported (the oversized-body rows are skipped otherwise). */
  supportsMaxResponseBytes?: boolean;
}
