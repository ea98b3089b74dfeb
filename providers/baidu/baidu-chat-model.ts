import { LoadAPIKeyError } from '../../src/errors/load-api-key-error.js';
import type { LanguageModel, LanguageModelCallOptions, LanguageModelResult, LanguageModelStreamResult, Warning } from '../../src/provider/index.js';
import { adaptQianfanChatOptions, withStreamWarnings } from './baidu-qianfan-chat-options.js';

/** ERNIE chat model ids as Baidu spells them; any string is accepted (custom services too). */
export type BaiduChatModelId =
  | 'ernie-5.0-thinking-preview'
  | 'ernie-4.5-turbo-128k'
  | 'ernie-4.5-turbo-32k'
  | 'ernie-4.5-turbo-vl-32k'
  | 'ernie-4.5-8k-preview'
  | 'ernie-x1-turbo-32k'
  | 'ernie-4.0-turbo-8k'
  | 'ernie-4.0-8k'
  | 'ernie-3.5-8k'
  | 'ernie-3.5-128k'
  | 'ernie-speed-128k'
  | 'ernie-speed-8k'
  | 'ernie-lite-8k'
  | 'ernie-tiny-8k'
  | (string & {});

/** Settings of one Baidu chat model: `baidu('ernie-4.5-turbo-128k', { api: 'v2' })`. */
export interface BaiduChatSettings {
  /**
   * `v2`: Qianfan's OpenAI-compatible API with the `apiKey`; `v1`: the
   * wenxinworkshop API with an access token from `clientId`/`clientSecret`.
   * Default: v2 when an API key is configured, else v1.
   */
  api?: 'v1' | 'v2';
  /** v1 only: the wenxinworkshop endpoint, for custom deployments (default: derived from the model id). */
  endpoint?: string;
  /** v2 only: whether the model takes images; default true for vision ids (`…-vl-…`, `ernie-4.5-8k-preview`, `ernie-5…`). */
  imageInput?: boolean;
}

const VISION_MODEL = /(^|[-.])vl([-.\d]|$)|^ernie-4\.5-8k-preview|^ernie-5/i;

/**
 * `baidu(id)`: ERNIE over Qianfan v2 when an API key is configured and over
 * v1 when only client credentials are, decided at call time because the
 * default instance reads its credentials from the environment then.
 *
 * @example
 * ```ts
 * const { text } = await generateText({ model: baidu('ernie-4.5-turbo-128k'), prompt: '什么是AIGC？' });
 * // force the v1 API (client credentials) for one model:
 * const v1 = baidu('ernie-speed-128k', { api: 'v1' });
 * ```
 */
export class BaiduChatLanguageModel implements LanguageModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'baidu.chat';
  readonly modelId: string;
  private readonly routes: { v1: LanguageModel; v2: LanguageModel; resolve: () => 'v1' | 'v2' | undefined };
  private readonly imageInput: boolean;

  /** Built by the Baidu provider with the two underlying models; `resolve` picks one per call (undefined: no credentials). */
  constructor(modelId: string, routes: { v1: LanguageModel; v2: LanguageModel; resolve: () => 'v1' | 'v2' | undefined }, settings: BaiduChatSettings = {}) {
    this.modelId = modelId;
    this.routes = routes;
    this.imageInput = settings.imageInput ?? VISION_MODEL.test(modelId);
  }

  /** What the model can do over the API a call would use now (v1 has JSON mode only and no images). */
  get capabilities(): LanguageModel['capabilities'] {
    return this.routes.resolve() === 'v1'
      ? this.routes.v1.capabilities
      : { structuredOutput: 'native', tools: true, imageInput: this.imageInput };
  }

  /** The API the next call goes over: `v1` or `v2`. */
  get api(): 'v1' | 'v2' {
    return this.routes.resolve() ?? 'v2';
  }

  private prepare(options: LanguageModelCallOptions): { model: LanguageModel; options: LanguageModelCallOptions; warnings: Warning[] } {
    const api = this.routes.resolve();
    if (api === undefined) {
      throw new LoadAPIKeyError({
        provider: 'Baidu',
        setting: 'apiKey',
        environmentVariable: 'QIANFAN_API_KEY',
        description: 'The Baidu Qianfan API key (or, for the v1 API, clientId and clientSecret / BAIDU_CLIENT_ID and BAIDU_CLIENT_SECRET)',
      });
    }
    const warnings: Warning[] = [];
    let call = options;
    const temperature = options.temperature;
    // ERNIE rejects a temperature outside (0, 1] (error 336003); other models on Qianfan take their own ranges.
    if (temperature !== undefined && (temperature <= 0 || temperature > 1) && (api === 'v1' || /^ernie/i.test(this.modelId))) {
      const sent = temperature <= 0 ? 0.01 : 1;
      warnings.push({ type: 'unsupported-setting', setting: 'temperature', details: `ERNIE takes (0, 1]; ${temperature} was sent as ${sent}` });
      call = Object.assign({}, call, { temperature: sent });
    }
    if (api === 'v2') {
      const adapted = adaptQianfanChatOptions(call);
      call = adapted.options;
      warnings.push(...adapted.warnings);
    }
    return { model: this.routes[api], options: call, warnings };
  }

  async doGenerate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    const prepared = this.prepare(options);
    const result = await prepared.model.doGenerate(prepared.options);
    if (prepared.warnings.length > 0) result.warnings = [...result.warnings, ...prepared.warnings];
    return result;
  }

  async doStream(options: LanguageModelCallOptions): Promise<LanguageModelStreamResult> {
    const prepared = this.prepare(options);
    const result = await prepared.model.doStream(prepared.options);
    result.stream = withStreamWarnings(result.stream, prepared.warnings);
    return result;
  }
}
