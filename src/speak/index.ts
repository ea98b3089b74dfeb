export type { SpeakOptions } from './prepare-speech-call.js';
export { speak } from './speak.js';
export type { SpeakResult, StreamSpeechResult } from './speak-result.js';
export { streamSpeech } from './stream-speech.js';
