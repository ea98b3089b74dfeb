/**
 * Mock models and stream helpers for testing code that uses aigc, without HTTP.
 * @module
 */
export { arrayToReadableStream, MockLanguageModel, mockStreamResult, mockTextResult, mockTextStream, readAll } from './mock-language-model.js';
export { MockImageModel, MockSpeechModel, MockTranscriptionModel } from './mock-media-models.js';
