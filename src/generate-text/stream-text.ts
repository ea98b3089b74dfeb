import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { ModelMessage } from '../prompt/model-message.js';
import { standardizePrompt } from '../prompt/standardize-prompt.js';
import type { FinishReason, LanguageModelMessage, LanguageModelStreamPart, LanguageModelUsage, ProviderMetadata, ResponseMetadata, Warning } from '../provider/index.js';
import { retryWithBackoff } from '../retry/retry-with-backoff.js';
import { createAsyncIterableStream, type AsyncIterableStream } from '../stream/async-iterable-stream.js';
import { DelayedPromise } from '../stream/delayed-promise.js';
import { partBatchesOf, type PartBatchReader } from '../stream/read-parts.js';
import { createCallSignal, type CallSignal } from '../util/call-signal.js';
import { addUsage, emptyUsage } from '../util/usage.js';
import { prepareTextCall, type PreparedTextCall, type TextCallOptions } from './prepare-text-call.js';
import { executeToolCall, parseToolCall, prepareTools, stepMessages, type PreparedTools } from './run-tools.js';
import type { StepResult } from './step-result.js';
import type { StreamTextResult } from './stream-text-result.js';
import type { TextStreamPart } from './text-stream-part.js';
import { prepareLoop, type PreparedLoop, type ToolLoopOptions } from './tool-loop.js';
import type { ToolErrorResult, ToolSet, TypedToolCall, TypedToolResult } from './tool.js';

/** Options of {@link streamText}. */
export interface StreamTextOptions<TOOLS extends ToolSet = {}> extends TextCallOptions, ToolLoopOptions<TOOLS> {
  /** Called once when the stream ended normally, after the promises settled. */
  onFinish?: (event: { text: string; usage: LanguageModelUsage; finishReason: FinishReason; steps: Array<StepResult<TOOLS>> }) => void | PromiseLike<void>;
  /** Called with the error when the stream fails (for logging; the error is still thrown to readers). */
  onError?: (event: { error: unknown }) => void;
}

/**
 * Streams text from a language model. Returns at once; the request starts
 * immediately and is retried only until its first part arrives.
 *
 * @example
 * const result = streamText({ model: baidu('ernie-4.5-turbo-128k'), prompt: '写一首诗' });
 * for await (const delta of result.textStream) process.stdout.write(delta);
 * console.log(await result.usage);
 */
export function streamText<TOOLS extends ToolSet = {}>(options: StreamTextOptions<TOOLS>): StreamTextResult<TOOLS> {
  const call = prepareTextCall(options);
  const loop = prepareLoop(options);
  const tools = prepareTools(options.tools, options.toolChoice);
  return new DefaultStreamTextResult<TOOLS>(call, loop, tools, options);
}

type StepState<TOOLS extends ToolSet> = {
  reader: ReadableStreamDefaultReader<LanguageModelStreamPart> | undefined;
  /** The model stream, when it offers the batch lane (see read-parts.ts). */
  batches: PartBatchReader<LanguageModelStreamPart> | undefined;
  started: Promise<OpenedStream>;
  /**
   * The text deltas, joined when the step ends. Not a string grown per delta: each `+=` leaves a
   * rope node that lives to the end of the stream, which every scavenge copies (instruction counts
   * over a stubbed 20k-chunk stream, docs/performance.md).
   */
  texts: string[];
  /** The reasoning deltas, kept like {@link texts}; none means the step has no reasoning text. */
  reasonings: string[];
  warnings: Warning[];
  metadata: ResponseMetadata;
  toolCalls: Array<TypedToolCall<TOOLS>>;
  toolErrors: ToolErrorResult[];
  executions: Array<Promise<TypedToolResult<TOOLS> | ToolErrorResult | undefined>>;
};

/** A model stream whose first parts were read inside the retry loop (see {@link openStream}). */
type OpenedStream = {
  reader: ReadableStreamDefaultReader<LanguageModelStreamPart>;
  batches: PartBatchReader<LanguageModelStreamPart> | undefined;
  /** The first parts; undefined when the stream ended before any. */
  first: LanguageModelStreamPart[] | undefined;
};

/**
 * Reads a model stream's first parts inside the retry loop: until a part
 * reaches the caller, a failure is retried like a failed request (DESIGN §5)
 * — a connection that breaks after the headers but before the first event,
 * or a stream whose very first part is an error. Parts that did arrive are
 * handed on with the stream.
 */
async function openStream(stream: ReadableStream<LanguageModelStreamPart>): Promise<OpenedStream> {
  const reader = stream.getReader();
  const batches = partBatchesOf(stream);
  try {
    let first: LanguageModelStreamPart[] | undefined;
    if (batches) first = await batches.readParts();
    else {
      const { done, value } = await reader.read();
      first = done ? undefined : [value];
    }
    const head = first?.[0];
    if (head?.type === 'error') throw head.error;
    return { reader, batches, first };
  } catch (error) {
    reader.cancel(error).catch(() => {});
    throw error;
  }
}

/** What {@link DefaultStreamTextResult.takePart} returns when the pump must read first. */
const PENDING = Symbol('pending');

/** The `streamText` result; also drives `streamObject`. Internal. */
export class DefaultStreamTextResult<TOOLS extends ToolSet> implements StreamTextResult<TOOLS> {
  private readonly signal: CallSignal;
  private readonly source: ReadableStream<TextStreamPart<TOOLS>>;
  private readonly completedSteps: Array<StepResult<TOOLS>> = [];
  private readonly addedMessages: ModelMessage[] = [];
  private prompt: LanguageModelMessage[];
  private step: StepState<TOOLS>;
  private claimed = false;
  private done = false;
  /** Parts mapped but not yet read, from `queueHead` on; the pump adds a batch at a time. */
  private queue: Array<TextStreamPart<TOOLS>> = [];
  private queueHead = 0;
  /** No part will be added any more (finished, failed or cancelled). */
  private closed = false;
  private pendingError: { error: unknown } | undefined;
  private readonly promises = {
    text: new DelayedPromise<string>(),
    reasoningText: new DelayedPromise<string | undefined>(),
    usage: new DelayedPromise<LanguageModelUsage>(),
    finishReason: new DelayedPromise<FinishReason>(),
    toolCalls: new DelayedPromise<Array<TypedToolCall<TOOLS>>>(),
    toolResults: new DelayedPromise<Array<TypedToolResult<TOOLS>>>(),
    steps: new DelayedPromise<Array<StepResult<TOOLS>>>(),
    warnings: new DelayedPromise<Warning[]>(),
    response: new DelayedPromise<ResponseMetadata & { messages: ModelMessage[] }>(),
    providerMetadata: new DelayedPromise<ProviderMetadata | undefined>(),
  };

  constructor(
    private readonly call: PreparedTextCall,
    private readonly loop: PreparedLoop,
    private readonly tools: PreparedTools,
    private readonly options: StreamTextOptions<TOOLS>,
  ) {
    this.signal = createCallSignal(options.abortSignal, call.timeout, { cancelable: true });
    // Not every fetch errors a body that is already streaming when its signal aborts (mocks, polyfills),
    // so the pump cancels its own read: an abort or timeout always settles the stream promptly.
    this.signal.signal?.addEventListener('abort', this.onAbort, { once: true });
    this.aborted = this.signal.signal?.aborted ?? false;
    this.prompt = call.callOptions.prompt;
    this.step = this.startStep();
    this.source = new ReadableStream<TextStreamPart<TOOLS>>(
      {
        pull: async (controller) => {
          try {
            const part = await this.nextPart();
            if (part === undefined) controller.close();
            else controller.enqueue(part);
          } catch (error) {
            controller.error(error);
          }
        },
        cancel: (reason) => this.cancel(reason),
      },
      { highWaterMark: 0 },
    );
  }

  /**
   * Set by the signal's abort event. The pump tests this flag rather than
   * `signal.aborted`: on Node 20 every AbortSignal (like every web stream) has
   * a hidden class of its own, so reading one in the per-batch path deoptimised
   * the pump once per stream (`--trace-deopt`, referee stream scenario).
   */
  private aborted = false;

  private readonly onAbort = () => {
    this.aborted = true;
    this.step.reader?.cancel(this.signal.signal?.reason).catch(() => {});
  };

  private release(): void {
    this.signal.signal?.removeEventListener('abort', this.onAbort);
    this.signal.dispose();
  }

  private startStep(): StepState<TOOLS> {
    const signal = this.signal.signal;
    const started = retryWithBackoff(
      async () => openStream((await this.call.model.doStream(Object.assign({}, this.call.callOptions, { prompt: this.prompt, tools: this.tools.tools, toolChoice: this.tools.toolChoice, abortSignal: signal }))).stream),
      { maxRetries: this.call.maxRetries, abortSignal: signal },
    );
    // Observed in pull(); this handler only keeps an unread failure from being reported as unhandled.
    started.catch(() => {});
    return { reader: undefined, batches: undefined, started, texts: [], reasonings: [], warnings: [], metadata: {}, toolCalls: [], toolErrors: [], executions: [] };
  }

  /**
   * The pump behind every public stream: the next part, or undefined at the
   * end; after an `error` part it rejects with that error. Public streams and
   * their iterators call it directly (see createAsyncIterableStream): profiled
   * over a 20k-chunk stream (bench/), each web-stream hop between the model's
   * stream and the caller cost ~0.7 µs of CPU per part, as much as the SSE parse.
   */
  async nextPart(): Promise<TextStreamPart<TOOLS> | undefined> {
    for (;;) {
      const part = this.takePart();
      if (part !== PENDING) return part;
      await this.fill();
    }
  }

  /**
   * A queued part, synchronously: undefined at the end, {@link PENDING} when
   * the pump must read first; throws the error that ended the stream.
   */
  takePart(): TextStreamPart<TOOLS> | undefined | typeof PENDING {
    const queue = this.queue;
    if (this.queueHead < queue.length) {
      const part = queue[this.queueHead++]!;
      if (this.queueHead === queue.length) {
        this.queue = [];
        this.queueHead = 0;
      }
      return part;
    }
    if (this.pendingError) throw this.pendingError.error;
    return this.closed ? undefined : PENDING;
  }

  /** Reads the model stream (a batch when it offers one) and maps what came into the queue. */
  private async fill(): Promise<void> {
    try {
      const step = this.step;
      let parts: LanguageModelStreamPart[] | undefined;
      if (!step.reader) {
        const opened = await step.started;
        step.reader = opened.reader;
        step.batches = opened.batches;
        parts = opened.first;
      } else if (step.batches) parts = await step.batches.readParts();
      else {
        const { done, value } = await step.reader.read();
        parts = done ? undefined : [value];
      }
      if (this.done) return;
      if (this.aborted) throw this.signal.signal!.reason;
      if (!parts) {
        throw new InvalidResponseError({ provider: this.call.model.provider, message: 'the stream ended before the response was complete' });
      }
      for (const part of parts) {
        // Only tool calls and step ends need to wait; text deltas stay synchronous.
        const handled = this.handlePart(part);
        if (handled !== undefined) await handled;
        if (this.done || this.step !== step) return;
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** Maps one model part into the queue; returns a promise only for the parts that must wait. */
  private handlePart(part: LanguageModelStreamPart): Promise<void> | undefined {
    const step = this.step;
    const queue = this.queue;
    switch (part.type) {
      case 'text-delta':
        if (part.text === '') return;
        step.texts.push(part.text);
        queue.push({ type: 'text-delta', text: part.text });
        return;
      case 'stream-start':
        step.warnings = part.warnings;
        if (this.completedSteps.length === 0) queue.push({ type: 'stream-start', warnings: part.warnings });
        return;
      case 'response-metadata': {
        const { type: _type, ...metadata } = part;
        step.metadata = Object.assign({}, step.metadata, metadata);
        return;
      }
      case 'reasoning-delta':
        if (part.text === '') return;
        step.reasonings.push(part.text);
        queue.push({ type: 'reasoning-delta', text: part.text });
        return;
      case 'tool-input-delta':
        return;
      case 'tool-call':
        return this.handleToolCall(part);
      case 'stream-end':
        return this.endStep(part);
      case 'error':
        throw part.error;
    }
  }

  private async handleToolCall(part: Extract<LanguageModelStreamPart, { type: 'tool-call' }>): Promise<void> {
    const step = this.step;
    const parsed = await parseToolCall<TOOLS>(part, this.tools.schemas);
    if (parsed.type === 'tool-error') {
      step.toolErrors.push(parsed);
      this.queue.push(parsed);
      return;
    }
    step.toolCalls.push(parsed.call);
    this.queue.push(parsed.call);
    // Calls run as they arrive, so parallel calls in one step overlap.
    const execution = executeToolCall(parsed.call, (this.options.tools ?? {}) as TOOLS, {
      messages: [...(this.options.messages ?? []), ...this.addedMessages],
      abortSignal: this.signal.signal,
    });
    execution.catch(() => {});
    step.executions.push(execution);
  }

  private async endStep(part: Extract<LanguageModelStreamPart, { type: 'stream-end' }>): Promise<void> {
    const step = this.step;
    const toolResults: Array<TypedToolResult<TOOLS>> = [];
    for (const result of await Promise.all(step.executions)) {
      if (!result) continue;
      if (result.type === 'tool-result') toolResults.push(result);
      else step.toolErrors.push(result);
      this.queue.push(result);
    }
    const text = step.texts.join('');
    const messages = stepMessages({ text, toolCalls: step.toolCalls, toolResults, toolErrors: step.toolErrors });
    this.completedSteps.push({
      text,
      reasoningText: step.reasonings.length === 0 ? undefined : step.reasonings.join(''),
      toolCalls: step.toolCalls,
      toolResults,
      toolErrors: step.toolErrors,
      finishReason: part.finishReason,
      usage: part.usage,
      warnings: step.warnings,
      response: Object.assign({}, step.metadata, { messages }),
      providerMetadata: part.providerMetadata,
    });
    this.addedMessages.push(...messages);
    if (await this.loop.shouldContinue(this.completedSteps, (this.options.tools ?? {}) as ToolSet)) {
      this.queue.push({ type: 'step-end', finishReason: part.finishReason, usage: part.usage, response: step.metadata, providerMetadata: part.providerMetadata });
      this.prompt = [...this.prompt, ...standardizePrompt({ messages })];
      this.step = this.startStep();
      return;
    }
    if (step.toolErrors.length > 0) throw step.toolErrors[0]!.error;
    this.finish();
  }

  private finish(): void {
    const last = this.completedSteps[this.completedSteps.length - 1]!;
    const usage = this.completedSteps.reduce((total, step) => addUsage(total, step.usage), emptyUsage());
    this.done = true;
    this.release();
    const { promises } = this;
    promises.text.resolve(last.text);
    promises.reasoningText.resolve(last.reasoningText);
    promises.usage.resolve(usage);
    promises.finishReason.resolve(last.finishReason);
    promises.toolCalls.resolve(last.toolCalls);
    promises.toolResults.resolve(last.toolResults);
    promises.steps.resolve(this.completedSteps);
    promises.warnings.resolve(this.completedSteps.flatMap((step) => step.warnings));
    promises.response.resolve(Object.assign({}, last.response, { messages: this.addedMessages }));
    promises.providerMetadata.resolve(last.providerMetadata);
    this.queue.push({ type: 'stream-end', finishReason: last.finishReason, usage, providerMetadata: last.providerMetadata });
    this.closed = true;
    const onFinish = this.options.onFinish;
    if (onFinish) {
      Promise.resolve()
        .then(() => onFinish({ text: last.text, usage, finishReason: last.finishReason, steps: this.completedSteps }))
        .catch((error: unknown) => this.options.onError?.({ error }));
    }
  }

  private fail(cause: unknown): void {
    if (this.done) return;
    const signal = this.signal.signal;
    // An abort surfaces as the caller's reason (or the TimeoutError), whatever the transport threw.
    const error = signal?.aborted ? signal.reason : cause;
    this.done = true;
    this.release();
    this.rejectAll(error);
    this.step.reader?.cancel(error).catch(() => {});
    this.options.onError?.({ error });
    // The error part is delivered first; the next read then errors the stream.
    this.pendingError = { error };
    this.queue.push({ type: 'error', error });
    this.closed = true;
  }

  private async cancel(reason: unknown): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.closed = true;
    const error = reason ?? new DOMException('The stream was cancelled.', 'AbortError');
    this.signal.abort(error);
    this.release();
    this.rejectAll(error);
    await this.step.reader?.cancel(reason).catch(() => {});
  }

  private rejectAll(error: unknown): void {
    for (const promise of Object.values(this.promises)) promise.reject(error);
  }

  private claim(): ReadableStream<TextStreamPart<TOOLS>> {
    if (this.claimed) {
      throw new TypeError('streamText: the result streams share one source and can be read once; read fullStream when you need more than text.');
    }
    this.claimed = true;
    return this.source;
  }

  get fullStream(): AsyncIterableStream<TextStreamPart<TOOLS>> {
    return createAsyncIterableStream(this.claim(), () => {
      const part = this.takePart();
      return part === PENDING ? this.nextPart() : part;
    });
  }

  get textStream(): AsyncIterableStream<string> {
    this.claim();
    // Synchronous while parts are queued: a text delta costs the iterator's own promise and nothing more.
    const nextText = (): string | undefined | Promise<string | undefined> => {
      for (;;) {
        const part = this.takePart();
        if (part === PENDING) return this.fill().then(nextText);
        if (part === undefined) return undefined;
        if (part.type === 'text-delta') return part.text;
        if (part.type === 'error') throw part.error;
      }
    };
    return createAsyncIterableStream(
      new ReadableStream<string>(
        {
          async pull(controller) {
            try {
              const text = await nextText();
              if (text === undefined) controller.close();
              else controller.enqueue(text);
            } catch (error) {
              controller.error(error);
            }
          },
          cancel: (reason) => this.cancel(reason),
        },
        { highWaterMark: 0 },
      ),
      nextText,
    );
  }

  private drained<T>(promise: DelayedPromise<T>): Promise<T> {
    if (!this.claimed) this.consumeStream().catch(() => {});
    return promise.promise;
  }

  get text() { return this.drained(this.promises.text); }
  get reasoningText() { return this.drained(this.promises.reasoningText); }
  get usage() { return this.drained(this.promises.usage); }
  get finishReason() { return this.drained(this.promises.finishReason); }
  get toolCalls() { return this.drained(this.promises.toolCalls); }
  get toolResults() { return this.drained(this.promises.toolResults); }
  get steps() { return this.drained(this.promises.steps); }
  get warnings() { return this.drained(this.promises.warnings); }
  get response() { return this.drained(this.promises.response); }
  get providerMetadata() { return this.drained(this.promises.providerMetadata); }

  async consumeStream(): Promise<void> {
    this.claim();
    try {
      while ((await this.nextPart()) !== undefined);
    } catch {
      // The failure is reported through the promises.
    }
  }

  toTextStreamResponse(init: ResponseInit = {}): Response {
    const headers = new Headers(init.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
    return new Response(this.textStream.pipeThrough(new TextEncoderStream()), Object.assign({ status: 200 }, init, { headers }));
  }
}
