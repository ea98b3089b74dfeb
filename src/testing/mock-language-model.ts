import type {
  LanguageModel,
  LanguageModelCallOptions,
  LanguageModelResult,
  LanguageModelStreamPart,
  LanguageModelStreamResult,
} from '../provider/index.js';

type OrFunction<T> = T | ((options: LanguageModelCallOptions) => T | Promise<T>);

/**
 * A language model for tests: answers from fixed results or functions and
 * records every call's options in `calls`. No HTTP.
 *
 * @example
 * const model = new MockLanguageModel({ doGenerate: { content: [{ type: 'text', text: 'hi' }], ...mockResultDefaults() } });
 */
export class MockLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider: string;
  readonly modelId: string;
  readonly capabilities: LanguageModel['capabilities'];
  /** The options of every `doGenerate`/`doStream` call, in order. */
  readonly calls: LanguageModelCallOptions[] = [];
  private readonly generate: OrFunction<LanguageModelResult> | Array<OrFunction<LanguageModelResult>> | undefined;
  private readonly stream: OrFunction<LanguageModelStreamResult> | Array<OrFunction<LanguageModelStreamResult>> | undefined;

  /** Arrays answer successive calls in order (the last entry repeats). */
  constructor(options: {
    provider?: string;
    modelId?: string;
    capabilities?: Partial<LanguageModel['capabilities']>;
    doGenerate?: OrFunction<LanguageModelResult> | Array<OrFunction<LanguageModelResult>>;
    doStream?: OrFunction<LanguageModelStreamResult> | Array<OrFunction<LanguageModelStreamResult>>;
  } = {}) {
    this.provider = options.provider ?? 'mock';
    this.modelId = options.modelId ?? 'mock-model';
    this.capabilities = { structuredOutput: 'native', tools: true, imageInput: true, ...options.capabilities };
    this.generate = options.doGenerate;
    this.stream = options.doStream;
  }

  async doGenerate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    const index = this.calls.push(options) - 1;
    return resolve(pick(this.generate, index, 'doGenerate'), options);
  }

  async doStream(options: LanguageModelCallOptions): Promise<LanguageModelStreamResult> {
    const index = this.calls.push(options) - 1;
    return resolve(pick(this.stream, index, 'doStream'), options);
  }
}

function pick<T>(value: T | T[] | undefined, index: number, name: string): T {
  if (value === undefined) throw new Error(`MockLanguageModel: no ${name} configured`);
  if (!Array.isArray(value)) return value;
  return value[Math.min(index, value.length - 1)]!;
}

async function resolve<T>(value: OrFunction<T>, options: LanguageModelCallOptions): Promise<T> {
  return typeof value === 'function' ? (value as (options: LanguageModelCallOptions) => T | Promise<T>)(options) : value;
}

/**
 * A complete `doGenerate` result with text, for tests.
 *
 * @example
 * ```ts
 * const model = new MockLanguageModel({ doGenerate: mockTextResult('你好') });
 * const { text } = await generateText({ model, prompt: 'Hi' }); // '你好'
 * ```
 */
export function mockTextResult(text: string, overrides: Partial<LanguageModelResult> = {}): LanguageModelResult {
  return {
    content: [{ type: 'text', text }],
    finishReason: 'stop',
    usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
    warnings: [],
    response: { id: 'mock-1', modelId: 'mock-model', timestamp: new Date(0) },
    ...overrides,
  };
}

/**
 * A `doStream` result streaming `parts` (add `stream-end` yourself, or use {@link mockTextStream}).
 *
 * @example
 * ```ts
 * const model = new MockLanguageModel({
 *   doStream: mockStreamResult([
 *     { type: 'stream-start', warnings: [] },
 *     { type: 'text-delta', text: 'Hi' },
 *     { type: 'stream-end', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 } },
 *   ]),
 * });
 * ```
 */
export function mockStreamResult(parts: LanguageModelStreamPart[]): LanguageModelStreamResult {
  return { stream: arrayToReadableStream(parts) };
}

/**
 * A `doStream` result streaming text deltas, then `stream-end` with usage.
 *
 * @example
 * ```ts
 * const model = new MockLanguageModel({ doStream: mockTextStream(['你', '好']) });
 * const result = streamText({ model, prompt: 'Hi' });
 * expect(await readAll(result.textStream)).toEqual(['你', '好']);
 * ```
 */
export function mockTextStream(deltas: string[], overrides: Partial<Extract<LanguageModelStreamPart, { type: 'stream-end' }>> = {}): LanguageModelStreamResult {
  return mockStreamResult([
    { type: 'stream-start', warnings: [] },
    ...deltas.map((text) => ({ type: 'text-delta' as const, text })),
    { type: 'stream-end', finishReason: 'stop', usage: { inputTokens: 10, outputTokens: deltas.length, totalTokens: 10 + deltas.length }, ...overrides },
  ]);
}

/**
 * A `ReadableStream` that yields `items` in order.
 *
 * @example
 * ```ts
 * const stream = arrayToReadableStream(['a', 'b']);
 * expect(await readAll(stream)).toEqual(['a', 'b']);
 * ```
 */
export function arrayToReadableStream<T>(items: readonly T[]): ReadableStream<T> {
  let index = 0;
  return new ReadableStream<T>({
    pull(controller) {
      if (index < items.length) controller.enqueue(items[index++]!);
      else controller.close();
    },
  });
}

/**
 * Reads a stream (or async iterable) to an array.
 *
 * @example
 * ```ts
 * const parts = await readAll(streamText({ model, prompt: 'Hi' }).fullStream);
 * expect(parts.at(-1)?.type).toBe('stream-end');
 * ```
 */
export async function readAll<T>(stream: AsyncIterable<T> | ReadableStream<T>): Promise<T[]> {
  const items: T[] = [];
  if (Symbol.asyncIterator in stream) {
    for await (const item of stream as AsyncIterable<T>) items.push(item);
    return items;
  }
  const reader = (stream as ReadableStream<T>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return items;
    items.push(value);
  }
}
