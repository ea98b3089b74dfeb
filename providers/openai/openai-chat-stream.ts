import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { asString, createApiError, isRecord, type RequestContext } from '../../src/http/index.js';
import type { FinishReason, LanguageModelStreamPart, LanguageModelUsage, ProviderMetadata, Warning } from '../../src/provider/index.js';
import type { SseEvent, SseHandler } from '../../src/stream/parse-sse-stream.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import type { OpenAIMetadataExtractor } from './openai-config.js';
import { mapOpenAIUsage, mapResponseMetadata, mergeProviderMetadata } from './openai-chat-response.js';

type Controller = TransformStreamDefaultController<LanguageModelStreamPart>;
type Collector = ReturnType<OpenAIMetadataExtractor['fromStream']>;

/**
 * Maps `chat.completion.chunk` events to stream parts. Tool-call arguments
 * arrive in fragments keyed by `index` and are emitted whole once the choice
 * finishes. A stream that ends with no `finish_reason` and no `[DONE]` was
 * cut off, and ends in an error part rather than a silent partial answer.
 *
 * @example
 * const stream = parseSseStream(response.body!, createOpenAIChatStreamHandler(context, []), { provider: 'openai.chat' });
 */
export function createOpenAIChatStreamHandler(context: RequestContext, warnings: Warning[], collector?: Collector): SseHandler<LanguageModelStreamPart> {
  return new OpenAIChatStreamHandler(context, warnings, collector);
}

/**
 * One stream's state. A class, not closures: every stream then calls the
 * same `onEvent`, and the rare cases (errors, tool calls, reasoning, usage)
 * are methods of their own, so the function the JIT compiles for the
 * per-chunk path stays small. Profiled over the referee's 20k-chunk stream
 * on Node 20: a closure handler was recompiled in each of the first streams
 * of a process ("wrong call target"), and its compilation was the largest
 * single cost of those streams.
 */
class OpenAIChatStreamHandler implements SseHandler<LanguageModelStreamPart> {
  private started = false;
  private sawMetadata = false;
  private finished = false;
  private sawDone = false;
  private failed = false;
  private finishReason: FinishReason = 'unknown';
  private usage: LanguageModelUsage = { inputTokens: undefined, outputTokens: undefined, totalTokens: undefined };
  private providerMetadata: ProviderMetadata | undefined = undefined;
  private readonly toolCalls: Array<{ id: string; name: string; arguments: string } | undefined> = [];

  constructor(
    private readonly context: RequestContext,
    private readonly warnings: Warning[],
    private readonly collector: Collector | undefined,
  ) {}

  onEvent(event: SseEvent, controller: Controller): void {
    if (this.failed) return;
    const data = event.data;
    if (data === '[DONE]') {
      this.sawDone = true;
      return;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch (cause) {
      return this.fail(controller, new InvalidResponseError({ provider: this.context.provider, message: 'an SSE event is not JSON', rawValue: data, cause }));
    }
    if (!isRecord(chunk) || chunk.error !== undefined || event.event === 'error') return this.badChunk(event, chunk, controller);
    if (!this.sawMetadata) this.open(chunk, controller);
    this.collector?.chunk(chunk);
    if (chunk.usage !== null && chunk.usage !== undefined) this.readUsage(chunk.usage);
    // Every chunk repeats it: build the metadata when it changes, not two objects per chunk.
    const fingerprint = chunk.system_fingerprint;
    if (typeof fingerprint === 'string' && fingerprint !== '' && fingerprint !== this.providerMetadata?.openai?.systemFingerprint) {
      this.providerMetadata = { openai: { systemFingerprint: fingerprint } };
    }
    const choices = chunk.choices;
    const choice = Array.isArray(choices) ? choices[0] : undefined;
    if (!isRecord(choice)) return;
    const delta = choice.delta;
    if (isRecord(delta)) {
      if (delta.reasoning_content !== undefined || delta.reasoning !== undefined) this.reasoningDelta(delta, controller);
      const content = delta.content;
      if (typeof content === 'string') {
        if (content !== '') controller.enqueue({ type: 'text-delta', text: content });
      } else if (delta.refusal !== undefined) this.refusalDelta(delta, controller);
      if (delta.tool_calls !== undefined) this.toolCallFragments(delta.tool_calls, controller);
    }
    // Moonshot reports stream usage inside the last choice rather than in a usage chunk.
    if (choice.usage !== undefined && !isRecord(chunk.usage) && isRecord(choice.usage)) this.usage = mapOpenAIUsage(choice.usage);
    if (choice.finish_reason !== null && choice.finish_reason !== undefined) this.finish(choice.finish_reason, controller);
  }

  onEnd(controller: Controller): void {
    if (this.failed) return;
    if (!this.finished && !this.sawDone) {
      return this.fail(controller, new InvalidResponseError({ provider: this.context.provider, message: 'the stream ended before the response was complete (no finish_reason, no [DONE])' }));
    }
    if (!this.started) controller.enqueue({ type: 'stream-start', warnings: this.warnings });
    this.flushToolCalls(controller);
    controller.enqueue({ type: 'stream-end', finishReason: this.finishReason, usage: this.usage, providerMetadata: mergeProviderMetadata(this.providerMetadata, this.collector?.build()) });
  }

  /** A chunk that is not an object, or reports an error in its body or its event name. */
  private badChunk(event: SseEvent, chunk: unknown, controller: Controller): void {
    if (!isRecord(chunk)) return this.fail(controller, new InvalidResponseError({ provider: this.context.provider, message: 'an SSE event is not an object', rawValue: event.data }));
    this.fail(controller, createApiError(this.context, { text: event.data, data: chunk }));
  }

  /** The first chunks: the stream-start part, and the response metadata from the first chunk that has any. */
  private open(chunk: Record<string, unknown>, controller: Controller): void {
    if (!this.started) {
      this.started = true;
      controller.enqueue({ type: 'stream-start', warnings: this.warnings });
    }
    // Azure opens with a prompt-filter chunk whose id, model and created are empty; take metadata from a real chunk.
    if (asString(chunk.id) || asString(chunk.model)) {
      this.sawMetadata = true;
      controller.enqueue({ type: 'response-metadata', ...mapResponseMetadata(chunk) });
    }
  }

  private readUsage(usage: unknown): void {
    if (isRecord(usage)) this.usage = mapOpenAIUsage(usage);
  }

  private reasoningDelta(delta: Record<string, unknown>, controller: Controller): void {
    const reasoning = asString(delta.reasoning_content) ?? asString(delta.reasoning);
    if (reasoning) controller.enqueue({ type: 'reasoning-delta', text: reasoning });
  }

  /** A refusal streams as text, in place of the content. */
  private refusalDelta(delta: Record<string, unknown>, controller: Controller): void {
    const refusal = asString(delta.refusal);
    if (refusal) controller.enqueue({ type: 'text-delta', text: refusal });
  }

  private toolCallFragments(fragments: unknown, controller: Controller): void {
    if (!Array.isArray(fragments)) return;
    for (const fragment of fragments) {
      if (!isRecord(fragment)) continue;
      const index = typeof fragment.index === 'number' ? fragment.index : this.toolCalls.length;
      const fn = isRecord(fragment.function) ? fragment.function : {};
      let call = this.toolCalls[index];
      if (!call) {
        call = { id: asString(fragment.id) ?? `call_${index}`, name: asString(fn.name) ?? '', arguments: '' };
        this.toolCalls[index] = call;
      } else if (!call.name && asString(fn.name)) call.name = asString(fn.name)!;
      const piece = asString(fn.arguments);
      if (piece) {
        call.arguments += piece;
        controller.enqueue({ type: 'tool-input-delta', toolCallId: call.id, toolName: call.name, delta: piece });
      }
    }
  }

  private finish(reason: unknown, controller: Controller): void {
    this.finished = true;
    this.finishReason = mapOpenAIFinishReason(reason);
    this.flushToolCalls(controller);
  }

  private flushToolCalls(controller: Controller): void {
    for (const call of this.toolCalls) {
      if (call) controller.enqueue({ type: 'tool-call', toolCallId: call.id, toolName: call.name, input: call.arguments });
    }
    this.toolCalls.length = 0;
  }

  private fail(controller: Controller, error: unknown): void {
    this.failed = true;
    controller.enqueue({ type: 'error', error });
  }
}
