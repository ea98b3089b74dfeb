import type { ImageModel } from './image-model.js';
import type { LanguageModel } from './language-model.js';
import type { SpeechModel } from './speech-model.js';
import type { TranscriptionModel } from './transcription-model.js';

/**
 * A provider family: one object per configuration (key, base URL, fetch),
 * handing out models. Instances are also callable for their language model
 * (`openai('gpt-4o')`), or their image model where that is the main modality.
 */
export interface Provider {
  /** A language model by id. */
  languageModel(modelId: string): LanguageModel;
  /** An image model by id, when the provider has images. */
  imageModel?(modelId: string): ImageModel;
  /** A speech model by id, when the provider has text-to-speech. */
  speechModel?(modelId: string): SpeechModel;
  /** A transcription model by id, when the provider has speech-to-text. */
  transcriptionModel?(modelId: string): TranscriptionModel;
}
