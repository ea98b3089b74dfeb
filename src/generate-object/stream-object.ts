import { DefaultStreamTextResult } from '../generate-text/stream-text.js';
import { prepareTools } from '../generate-text/run-tools.js';
import { prepareLoop } from '../generate-text/tool-loop.js';
import type { FinishReason, LanguageModelUsage, ProviderMetadata, ResponseMetadata, Warning } from '../provider/index.js';
import type { FlexibleSchema, InferSchema } from '../schema/as-schema.js';
import { parsePartialJson } from '../schema/parse-partial-json.js';
import { createAsyncIterableStream, type AsyncIterableStream } from '../stream/async-iterable-stream.js';
import { DelayedPromise } from '../stream/delayed-promise.js';
import { parseObject, prepareObjectCall, type ObjectCallOptions } from './prepare-object-call.js';

/** Options of {@link streamObject}. */
export interface StreamObjectOptions<SCHEMA extends FlexibleSchema> extends ObjectCallOptions<SCHEMA> {
  /** Called with the error when the stream fails (for logging). */
  onError?: (event: { error: unknown }) => void;
}

/** An object still being generated: any field may be missing or unfinished. */
export type DeepPartial<T> = T extends readonly (infer U)[] ? Array<DeepPartial<U>> : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** The result of {@link streamObject}, returned at once. Use one of its streams. */
export interface StreamObjectResult<T> {
  /** Growing partial objects, one per change; throws `NoObjectGeneratedError` at the end if the final object fails the schema. */
  readonly partialObjectStream: AsyncIterableStream<DeepPartial<T>>;
  /** The raw JSON text deltas. */
  readonly textStream: AsyncIterableStream<string>;
  /** The validated final object. */
  readonly object: Promise<T>;
  /** Token usage. */
  readonly usage: Promise<LanguageModelUsage>;
  /** Why the model stopped. */
  readonly finishReason: Promise<FinishReason>;
  /** Settings the model ignored. */
  readonly warnings: Promise<Warning[]>;
  /** Response metadata. */
  readonly response: Promise<ResponseMetadata>;
  /** Provider-specific extras. */
  readonly providerMetadata: Promise<ProviderMetadata | undefined>;
}

/**
 * Streams an object that satisfies a zod 4 schema: partial objects while the
 * JSON arrives (parsed incrementally), then the validated object.
 *
 * @example
 * for await (const partial of streamObject({ model, schema, prompt }).partialObjectStream) render(partial);
 */
export function streamObject<SCHEMA extends FlexibleSchema>(options: StreamObjectOptions<SCHEMA>): StreamObjectResult<InferSchema<SCHEMA>> {
  type T = InferSchema<SCHEMA>;
  const call = prepareObjectCall<T>(options as ObjectCallOptions<FlexibleSchema<T>>);
  const text = new DefaultStreamTextResult(call, prepareLoop({}), prepareTools(undefined, undefined), Object.assign({}, options, { tools: undefined, messages: undefined }));
  const object = new DelayedPromise<T>();
  let raw = '';
  let last = '';
  let claimed = false;
  // Taken now so the text result's promise getters never start a drain of their own.
  const source = text.fullStream.getReader();
  const claim = () => {
    if (claimed) throw new TypeError('streamObject: the result streams share one source and can be read once.');
    claimed = true;
    return source;
  };
  const drainIfUnclaimed = () => {
    if (claimed) return;
    const reader = partials(false).getReader();
    (async () => {
      while (!(await reader.read()).done);
    })().catch(() => {});
  };
  const partials = (emitText: boolean) => {
    const reader = claim();
    return createAsyncIterableStream(
      new ReadableStream<unknown>(
        {
          async pull(controller) {
            try {
              for (;;) {
                const { done, value } = await reader.read();
                if (done) return controller.close();
                if (value.type === 'text-delta') {
                  raw += value.text;
                  if (emitText) return controller.enqueue(value.text);
                  const parsed = parsePartialJson(raw);
                  if (parsed.value === undefined) continue;
                  const current = call.wrapped ? (parsed.value as { value?: unknown })?.value : parsed.value;
                  const serialized = JSON.stringify(current);
                  if (current === undefined || serialized === last) continue;
                  last = serialized;
                  return controller.enqueue(current);
                }
                if (value.type === 'stream-end') {
                  const final = await parseObject(raw, call, { usage: value.usage, finishReason: value.finishReason, response: await text.response });
                  object.resolve(final);
                  return controller.close();
                }
              }
            } catch (error) {
              object.reject(error);
              controller.error(error);
            }
          },
          cancel: (reason) => reader.cancel(reason),
        },
        { highWaterMark: 0 },
      ),
    );
  };
  return {
    get partialObjectStream() {
      return partials(false) as AsyncIterableStream<DeepPartial<T>>;
    },
    get textStream() {
      return partials(true) as AsyncIterableStream<string>;
    },
    get object() {
      drainIfUnclaimed();
      return object.promise;
    },
    get usage() {
      drainIfUnclaimed();
      return text.usage;
    },
    get finishReason() {
      drainIfUnclaimed();
      return text.finishReason;
    },
    get warnings() {
      drainIfUnclaimed();
      return text.warnings;
    },
    get response() {
      drainIfUnclaimed();
      return text.response;
    },
    get providerMetadata() {
      drainIfUnclaimed();
      return text.providerMetadata;
    },
  };
}
