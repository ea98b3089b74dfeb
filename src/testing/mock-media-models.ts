import type {
  ImageModel,
  ImageModelCallOptions,
  ImageModelResult,
  SpeechModel,
  SpeechModelCallOptions,
  SpeechModelResult,
  TranscriptionModel,
  TranscriptionModelCallOptions,
  TranscriptionModelResult,
} from '../provider/index.js';
import { arrayToReadableStream } from './mock-language-model.js';

type OrFunction<O, R> = R | ((options: O) => R | Promise<R>);

async function answer<O, R>(value: OrFunction<O, R> | undefined, options: O, name: string): Promise<R> {
  if (value === undefined) throw new Error(`${name}: no result configured`);
  return typeof value === 'function' ? (value as (options: O) => R | Promise<R>)(options) : value;
}

/**
 * An image model for tests: answers from a fixed result or a function and
 * records every call's options in `calls`. No HTTP.
 *
 * @example
 * const model = new MockImageModel({ doGenerate: { images: [{ type: 'bytes', data: png }], warnings: [], response: {} } });
 * await generateImage({ model, prompt: 'an apple' });
 */
export class MockImageModel implements ImageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  readonly maxImagesPerCall: number;
  /** The options of every call, in order. */
  readonly calls: ImageModelCallOptions[] = [];
  private readonly generate: OrFunction<ImageModelCallOptions, ImageModelResult> | undefined;

  /** `maxImagesPerCall` defaults to 1, so `n` splits into one call per image. */
  constructor(options: { provider?: string; modelId?: string; maxImagesPerCall?: number; doGenerate?: OrFunction<ImageModelCallOptions, ImageModelResult> } = {}) {
    this.provider = options.provider ?? 'mock.image';
    this.modelId = options.modelId ?? 'mock-image';
    this.maxImagesPerCall = options.maxImagesPerCall ?? 1;
    this.generate = options.doGenerate;
  }

  async doGenerate(options: ImageModelCallOptions): Promise<ImageModelResult> {
    this.calls.push(options);
    return answer(this.generate, options, 'MockImageModel.doGenerate');
  }
}

/**
 * A speech model for tests. With `streamChunks`, `doStream` yields those chunks;
 * without, the model has no `doStream` (as providers without streaming).
 *
 * @example
 * const model = new MockSpeechModel({ doGenerate: { audio: mp3Bytes, mediaType: 'audio/mpeg', warnings: [], response: {} } });
 * const { audio } = await speak({ model, text: '你好' });
 */
export class MockSpeechModel implements SpeechModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  readonly maxTextLength?: number;
  /** The options of every call, in order. */
  readonly calls: SpeechModelCallOptions[] = [];
  readonly doStream?: SpeechModel['doStream'];
  private readonly generate: OrFunction<SpeechModelCallOptions, SpeechModelResult> | undefined;

  /** `maxTextLength` lets tests exercise core's length check. */
  constructor(options: {
    provider?: string;
    modelId?: string;
    maxTextLength?: number;
    doGenerate?: OrFunction<SpeechModelCallOptions, SpeechModelResult>;
    streamChunks?: Uint8Array[];
  } = {}) {
    this.provider = options.provider ?? 'mock.speech';
    this.modelId = options.modelId ?? 'mock-speech';
    this.maxTextLength = options.maxTextLength;
    this.generate = options.doGenerate;
    const chunks = options.streamChunks;
    if (chunks) {
      this.doStream = async (callOptions) => {
        this.calls.push(callOptions);
        return { stream: arrayToReadableStream(chunks), warnings: [], response: {} };
      };
    }
  }

  async doGenerate(options: SpeechModelCallOptions): Promise<SpeechModelResult> {
    this.calls.push(options);
    return answer(this.generate, options, 'MockSpeechModel.doGenerate');
  }
}

/**
 * A transcription model for tests.
 *
 * @example
 * const model = new MockTranscriptionModel({ doTranscribe: { text: '你好', segments: [], language: 'zh', durationInSeconds: 1, warnings: [], response: {} } });
 * const { text } = await transcribe({ model, audio: wavBytes });
 */
export class MockTranscriptionModel implements TranscriptionModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  /** The options of every call, in order. */
  readonly calls: TranscriptionModelCallOptions[] = [];
  private readonly transcribe: OrFunction<TranscriptionModelCallOptions, TranscriptionModelResult> | undefined;

  /** Answers every call from `doTranscribe`. */
  constructor(options: { provider?: string; modelId?: string; doTranscribe?: OrFunction<TranscriptionModelCallOptions, TranscriptionModelResult> } = {}) {
    this.provider = options.provider ?? 'mock.transcription';
    this.modelId = options.modelId ?? 'mock-transcription';
    this.transcribe = options.doTranscribe;
  }

  async doTranscribe(options: TranscriptionModelCallOptions): Promise<TranscriptionModelResult> {
    this.calls.push(options);
    return answer(this.transcribe, options, 'MockTranscriptionModel.doTranscribe');
  }
}
