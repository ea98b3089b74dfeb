import { headersToRecord, sendRequest } from '../../src/http/index.js';
import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import type {
  LanguageModel,
  LanguageModelCallOptions,
  LanguageModelResult,
  LanguageModelStreamResult,
  Warning,
} from '../../src/provider/index.js';
import { parseSseStream } from '../../src/stream/parse-sse-stream.js';
import { withAccessToken } from './baidu-access-token.js';
import { parseBaiduChatV1Options } from './baidu-chat-v1-options.js';
import { mapBaiduV1Completion } from './baidu-chat-v1-response.js';
import { createBaiduV1StreamHandler } from './baidu-chat-v1-stream.js';
import type { BaiduConfig } from './baidu-config.js';
import { parseBaiduError } from './baidu-error.js';
import { readBaiduJson } from './read-baidu-json.js';
import { convertToBaiduMessages } from './convert-to-baidu-messages.js';

/**
 * v1 endpoint names of the models whose endpoint is not their lower-cased id
 * (the official SDK's table); any other id is used as the endpoint, which is
 * also how custom deployments are addressed.
 */
const V1_ENDPOINTS: Record<string, string> = {
  'ernie-3.5-8k': 'completions',
  'ernie-bot': 'completions',
  'ernie-4.0-8k': 'completions_pro',
  'ernie-bot-4': 'completions_pro',
  'ernie-speed-8k': 'ernie_speed',
  'ernie-lite-8k-0922': 'eb-instant',
  'ernie-bot-turbo': 'eb-instant',
};

/** The v1 endpoint for a model id. */
export function baiduV1Endpoint(modelId: string): string {
  const id = modelId.toLowerCase();
  return V1_ENDPOINTS[id] ?? id;
}

/**
 * ERNIE over the v1 wenxinworkshop API (`/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/{endpoint}`),
 * authenticated with an OAuth access token in the query string. Errors come
 * as `error_code` bodies with HTTP 200; an expired token is refreshed and the
 * call sent once more.
 */
export class BaiduChatV1LanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'baidu.chat-v1';
  readonly modelId: string;
  readonly capabilities: LanguageModel['capabilities'] = { structuredOutput: 'json', tools: true, imageInput: false };
  private readonly config: BaiduConfig;
  private readonly endpoint: string;

  /** Built by the Baidu provider; `endpoint` overrides the one derived from the id. */
  constructor(modelId: string, config: BaiduConfig, options: { endpoint?: string } = {}) {
    this.modelId = modelId;
    this.config = config;
    this.endpoint = options.endpoint ?? baiduV1Endpoint(modelId);
  }

  private prepare(options: LanguageModelCallOptions): { body: Record<string, unknown>; warnings: Warning[] } {
    const warnings: Warning[] = [];
    const baidu = parseBaiduChatV1Options(options.providerOptions?.baidu);
    for (const setting of ['topK', 'presencePenalty', 'frequencyPenalty', 'seed'] as const) {
      if (options[setting] !== undefined) warnings.push({ type: 'unsupported-setting', setting, details: 'the v1 ERNIE API has no such parameter' });
    }
    const { system, messages } = convertToBaiduMessages(options.prompt, this.provider);
    const choice = options.toolChoice;
    const sendTools = options.tools !== undefined && options.tools.length > 0 && choice?.type !== 'none';
    if (choice?.type === 'required') {
      warnings.push({ type: 'unsupported-setting', setting: 'toolChoice', details: 'v1 can force one named function but not "any tool"; sent as auto' });
    }
    if (options.responseFormat?.type === 'json' && options.responseFormat.schema) {
      warnings.push({ type: 'unsupported-setting', setting: 'responseFormat.schema', details: 'v1 has JSON mode only; the schema was not sent' });
    }
    const body: Record<string, unknown> = {
      messages,
      system,
      temperature: options.temperature,
      top_p: options.topP,
      penalty_score: baidu.penaltyScore,
      stop: options.stopSequences,
      max_output_tokens: options.maxOutputTokens,
      response_format: options.responseFormat?.type === 'json' ? 'json_object' : undefined,
      functions: sendTools ? options.tools!.map((tool) => ({ name: tool.name, description: tool.description ?? tool.name, parameters: tool.inputSchema })) : undefined,
      tool_choice: sendTools && choice?.type === 'tool' ? { type: 'function', function: { name: choice.toolName } } : undefined,
      disable_search: baidu.disableSearch,
      enable_citation: baidu.enableCitation,
      user_id: baidu.userId,
      ...baidu.extraBody,
    };
    return { body, warnings };
  }

  private send(body: Record<string, unknown>, options: LanguageModelCallOptions, token: string) {
    return sendRequest({
      provider: this.provider,
      url: `${this.config.baseURLs.aip()}/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/${encodeURIComponent(this.endpoint)}?access_token=${encodeURIComponent(token)}`,
      headers: Object.assign({}, this.config.headers(), options.headers, { 'content-type': 'application/json' }),
      body: JSON.stringify(body),
      fetch: this.config.fetch,
      abortSignal: options.abortSignal,
      parseError: parseBaiduError,
    });
  }

  async doGenerate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    const { body, warnings } = this.prepare(options);
    const { response, context, data } = await withAccessToken(this.config.accessToken, options.abortSignal, async (token) => {
      const { response, context } = await this.send(body, options, token);
      return { response, context, data: await readBaiduJson(response, context, this.config.maxResponseBytes) };
    });
    const { metadata, ...result } = mapBaiduV1Completion(data, context);
    return Object.assign(result, { warnings, response: Object.assign(metadata, { modelId: this.modelId, headers: headersToRecord(response.headers), body: data }) });
  }

  async doStream(options: LanguageModelCallOptions): Promise<LanguageModelStreamResult> {
    const { body, warnings } = this.prepare(options);
    body.stream = true;
    return withAccessToken(this.config.accessToken, options.abortSignal, async (token) => {
      const { response, context } = await this.send(body, options, token);
      const headers = headersToRecord(response.headers);
      // A failed streaming call answers 200 with a JSON error body instead of SSE.
      if ((response.headers.get('content-type') ?? '').includes('application/json')) {
        const data = await readBaiduJson(response, context, this.config.maxResponseBytes);
        throw new InvalidResponseError({ provider: this.provider, message: 'expected an event stream, got a JSON body', rawValue: JSON.stringify(data) });
      }
      const stream = parseSseStream(response.body!, createBaiduV1StreamHandler(context, warnings), {
        provider: this.provider,
        url: context.url,
        method: context.method,
        secrets: context.secrets,
        maxEventChars: this.config.maxResponseBytes,
      });
      return { stream, response: { headers } };
    });
  }
}
