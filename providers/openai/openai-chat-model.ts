import {
  createApiError,
  isRecord,
  readJson,
  requestJson,
  sendRequest,
  withLazyHeaders,
  type JsonMapper,
  type RequestContext,
  type SendRequestOptions,
} from '../../src/http/index.js';
import type {
  LanguageModel,
  LanguageModelCallOptions,
  LanguageModelResult,
  LanguageModelStreamPart,
  LanguageModelStreamResult,
  Warning,
} from '../../src/provider/index.js';
import { parseSseStream } from '../../src/stream/parse-sse-stream.js';
import { convertToOpenAIMessages } from './convert-to-openai-messages.js';
import { createOpenAIChatStreamHandler } from './openai-chat-stream.js';
import { parseOpenAIChatOptions, type OpenAIChatOptions } from './openai-chat-options.js';
import { mapChatCompletion, mergeProviderMetadata } from './openai-chat-response.js';
import type { OpenAIConfig, OpenAIMetadataExtractor } from './openai-config.js';
import { parseOpenAIError } from './openai-error.js';

/** Chat model ids OpenAI serves; any string is accepted. */
export type OpenAIChatModelId =
  | 'gpt-4o'
  | 'gpt-4o-mini'
  | 'gpt-4.1'
  | 'gpt-4.1-mini'
  | 'gpt-4.1-nano'
  | 'gpt-5'
  | 'gpt-5-mini'
  | 'gpt-5-nano'
  | 'o3'
  | 'o4-mini'
  | (string & {});

/**
 * A Chat Completions model (`POST /chat/completions`), used for OpenAI and,
 * through its config, for Azure and every OpenAI-compatible server.
 *
 * @example
 * ```ts
 * const model = openai('gpt-4o-mini'); // an OpenAIChatLanguageModel
 * const result = streamText({ model, prompt: '写一首关于春天的诗', providerOptions: { openai: { user: 'user-42' } } });
 * ```
 */
export class OpenAIChatLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const;
  readonly modelId: string;
  readonly capabilities: LanguageModel['capabilities'];
  private readonly config: OpenAIConfig;
  /** Key under `providerOptions` this model reads (`openai`, `azure`, `deepseek`, …). */
  private readonly optionsKey: string;
  /** o-series and gpt-5: no sampling settings, `developer` messages. */
  private readonly reasoning: boolean;

  /** Built by a provider factory; not called by users. */
  constructor(modelId: string, config: OpenAIConfig) {
    this.modelId = modelId;
    this.config = config;
    this.optionsKey = config.provider.split('.')[0]!;
    this.reasoning = isReasoningModel(modelId);
    this.capabilities = { structuredOutput: config.structuredOutputs === false ? 'json' : 'native', tools: true, imageInput: true };
  }

  get provider(): string {
    return this.config.provider;
  }

  private prepare(options: LanguageModelCallOptions): { body: Record<string, unknown>; warnings: Warning[] } {
    const warnings: Warning[] = [];
    const openaiOptions = parseOpenAIChatOptions(options.providerOptions?.openai, 'openai');
    const providerOptions = this.optionsKey === 'openai'
      ? openaiOptions
      : Object.assign({}, openaiOptions, parseOpenAIChatOptions(options.providerOptions?.[this.optionsKey], this.optionsKey));
    const reasoning = this.reasoning;
    let { temperature, topP } = options;
    if (reasoning && temperature !== undefined) {
      warnings.push({ type: 'unsupported-setting', setting: 'temperature', details: `${this.modelId} is a reasoning model and ignores temperature` });
      temperature = undefined;
    }
    if (reasoning && topP !== undefined) {
      warnings.push({ type: 'unsupported-setting', setting: 'topP', details: `${this.modelId} is a reasoning model and ignores topP` });
      topP = undefined;
    }
    if (options.topK !== undefined) warnings.push({ type: 'unsupported-setting', setting: 'topK' });
    const format = options.responseFormat;
    let responseFormat: unknown;
    if (format?.type === 'json') {
      responseFormat = format.schema
        ? {
            type: 'json_schema',
            json_schema: {
              name: format.name ?? 'response',
              description: format.description,
              schema: format.schema,
              strict: providerOptions.strictJsonSchema ?? isStrictCompatible(format.schema),
            },
          }
        : { type: 'json_object' };
    }
    const tools = options.tools?.map((tool) => ({
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters: tool.inputSchema },
    }));
    // Only the fields that are set, in wire order: a literal of every field cost a property store each
    // (before the JIT compiles this) and a longer walk in JSON.stringify, on every call (valgrind).
    const body: Record<string, unknown> = {
      model: this.modelId,
      messages: convertToOpenAIMessages(options.prompt, { systemRole: reasoning ? 'developer' : 'system' }),
    };
    if (options.maxOutputTokens !== undefined) body[this.config.maxTokensField ?? 'max_completion_tokens'] = options.maxOutputTokens;
    if (temperature !== undefined) body.temperature = temperature;
    if (topP !== undefined) body.top_p = topP;
    if (options.frequencyPenalty !== undefined) body.frequency_penalty = options.frequencyPenalty;
    if (options.presencePenalty !== undefined) body.presence_penalty = options.presencePenalty;
    if (options.stopSequences !== undefined) body.stop = options.stopSequences;
    if (options.seed !== undefined) body.seed = options.seed;
    if (responseFormat !== undefined) body.response_format = responseFormat;
    if (tools !== undefined) body.tools = tools;
    const choice = options.toolChoice;
    if (choice !== undefined) body.tool_choice = choice.type === 'tool' ? { type: 'function', function: { name: choice.toolName } } : choice.type;
    if (tools !== undefined && providerOptions.parallelToolCalls !== undefined) body.parallel_tool_calls = providerOptions.parallelToolCalls;
    addProviderFields(body, providerOptions);
    // The escape hatch for server-specific switches (DeepSeek/GLM `thinking`, Qwen `enable_thinking`) and fields not mapped yet.
    if (providerOptions.extraBody) Object.assign(body, providerOptions.extraBody);
    if (this.config.omitModel) delete body.model;
    return { body, warnings };
  }

  /** Sends a streaming request. */
  private post(body: Record<string, unknown>, options: LanguageModelCallOptions): Promise<{ response: Response; context: RequestContext }> {
    // Most configs build their headers synchronously (Azure's token provider may not): no extra turn for those.
    const headers = this.config.headers();
    return headers instanceof Promise ? this.postAfter(headers, body, options) : sendRequest(this.requestOptions(headers, body, options));
  }

  /** Sends a request for a whole JSON answer and maps it, in one async frame (`requestJson`). */
  private postJson<T>(body: Record<string, unknown>, options: LanguageModelCallOptions, map: JsonMapper<T>): Promise<T> {
    const headers = this.config.headers();
    return headers instanceof Promise
      ? this.postJsonAfter(headers, body, options, map)
      : requestJson(this.requestOptions(headers, body, options), this.config.maxResponseBytes, map);
  }

  // Apart from the two above: a closure there made every call allocate its context, synchronous headers or not.
  private async postAfter(headers: Promise<Record<string, string | undefined>>, body: Record<string, unknown>, options: LanguageModelCallOptions) {
    return sendRequest(this.requestOptions(await headers, body, options));
  }

  private async postJsonAfter<T>(headers: Promise<Record<string, string | undefined>>, body: Record<string, unknown>, options: LanguageModelCallOptions, map: JsonMapper<T>) {
    return requestJson(this.requestOptions(await headers, body, options), this.config.maxResponseBytes, map);
  }

  private requestOptions(configHeaders: Record<string, string | undefined>, body: Record<string, unknown>, options: LanguageModelCallOptions): SendRequestOptions {
    return {
      provider: this.config.provider,
      url: this.config.url({ path: '/chat/completions', modelId: this.modelId }),
      headers: Object.assign({}, configHeaders, options.headers, JSON_CONTENT),
      body: JSON.stringify(body),
      fetch: this.config.fetch,
      abortSignal: options.abortSignal,
      parseError: parseOpenAIError,
    };
  }

  // Not async: the call's one async frame is requestJson's, which maps the body too (src/http/send-request.ts).
  doGenerate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    let prepared: { body: Record<string, unknown>; warnings: Warning[] };
    try {
      prepared = this.prepare(options);
    } catch (error) {
      return Promise.reject(error);
    }
    const warnings = prepared.warnings;
    return this.postJson(prepared.body, options, (data, response, context) => this.toResult(data, response, context, warnings));
  }

  private toResult(data: unknown, response: Response, context: RequestContext, warnings: Warning[]): LanguageModelResult {
    const mapped = mapChatCompletion(data, context);
    return {
      content: mapped.content,
      finishReason: mapped.finishReason,
      usage: mapped.usage,
      providerMetadata: this.config.extractMetadata ? mergeProviderMetadata(mapped.providerMetadata, extraMetadata(this.config.extractMetadata, data)) : mapped.providerMetadata,
      warnings,
      response: withLazyHeaders(Object.assign(mapped.metadata, { body: data }), response.headers),
    };
  }

  async doStream(options: LanguageModelCallOptions): Promise<LanguageModelStreamResult> {
    const { body, warnings } = this.prepare(options);
    body.stream = true;
    if (this.config.streamUsage !== false) body.stream_options = { include_usage: true };
    const { response, context } = await this.post(body, options);
    const metadata = withLazyHeaders({}, response.headers);
    if ((response.headers.get('content-type') ?? '').includes('application/json')) {
      return { stream: jsonAsStream(await readJson(response, context, this.config.maxResponseBytes), context, warnings, this.config.extractMetadata), response: metadata };
    }
    const handler = createOpenAIChatStreamHandler(context, warnings, this.config.extractMetadata?.fromStream());
    const stream = parseSseStream(response.body!, handler, {
      provider: this.config.provider,
      url: context.url,
      method: context.method,
      secrets: context.secrets,
      maxEventChars: this.config.maxResponseBytes,
    });
    return { stream, response: metadata };
  }
}

/** The wire fields of `providerOptions`, in wire order. */
function addProviderFields(body: Record<string, unknown>, options: OpenAIChatOptions): void {
  if (options.user !== undefined) body.safety_identifier = options.user;
  if (options.reasoningEffort !== undefined) body.reasoning_effort = options.reasoningEffort;
  if (options.logitBias !== undefined) body.logit_bias = options.logitBias;
  if (options.store !== undefined) body.store = options.store;
  if (options.metadata !== undefined) body.metadata = options.metadata;
  if (options.serviceTier !== undefined) body.service_tier = options.serviceTier;
  if (options.promptCacheKey !== undefined) body.prompt_cache_key = options.promptCacheKey;
  if (options.textVerbosity !== undefined) body.verbosity = options.textVerbosity;
}

/** Sent last on every request: the body is always JSON. */
const JSON_CONTENT = { 'content-type': 'application/json' };

/** o-series and gpt-5 (except the chat variants) reject sampling settings and take `developer` messages. */
function isReasoningModel(modelId: string): boolean {
  return /^(o\d|gpt-5)/.test(modelId) && !modelId.startsWith('gpt-5-chat');
}

/** OpenAI's strict mode needs every object closed and every property required. */
function isStrictCompatible(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(isStrictCompatible);
  if (typeof schema !== 'object' || schema === null) return true;
  const node = schema as Record<string, unknown>;
  if (node.type === 'object' || node.properties) {
    const properties = Object.keys((node.properties as Record<string, unknown> | undefined) ?? {});
    const required = new Set((node.required as string[] | undefined) ?? []);
    if (node.additionalProperties !== false || properties.some((name) => !required.has(name))) return false;
  }
  return Object.values(node).every(isStrictCompatible);
}

/**
 * Some servers answer a streaming request with one JSON body: an error
 * (thrown, so it can be retried) or a whole completion (replayed as parts).
 */
function jsonAsStream(
  data: unknown,
  context: RequestContext,
  warnings: Warning[],
  extractor: OpenAIMetadataExtractor | undefined,
): ReadableStream<LanguageModelStreamPart> {
  if (isRecord(data) && data.error !== undefined && data.choices === undefined) {
    throw createApiError(context, { text: JSON.stringify(data), data });
  }
  const { metadata, content, finishReason, usage, providerMetadata } = mapChatCompletion(data, context);
  const parts: LanguageModelStreamPart[] = [{ type: 'stream-start', warnings }, { type: 'response-metadata', ...metadata }];
  for (const part of content) {
    parts.push(part.type === 'text' ? { type: 'text-delta', text: part.text } : part.type === 'reasoning' ? { type: 'reasoning-delta', text: part.text } : part);
  }
  parts.push({ type: 'stream-end', finishReason, usage, providerMetadata: mergeProviderMetadata(providerMetadata, extraMetadata(extractor, data)) });
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

function extraMetadata(extractor: OpenAIMetadataExtractor | undefined, data: unknown) {
  return extractor && isRecord(data) ? extractor.fromResponse(data) : undefined;
}
