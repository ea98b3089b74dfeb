export type { TranscribeOptions, TranscriptionAudio } from './prepare-transcription-call.js';
export { transcribe } from './transcribe.js';
export type { TranscribeResult } from './transcribe-result.js';
