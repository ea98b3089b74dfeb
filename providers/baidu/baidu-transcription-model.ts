import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { asString, createApiError, headersToRecord, isRecord, sendRequest } from '../../src/http/index.js';
import type { TranscriptionModel, TranscriptionModelCallOptions, TranscriptionModelResult, Warning } from '../../src/provider/index.js';
import { uint8ArrayToBase64 } from '../../src/util/base64.js';
import { withAccessToken } from './baidu-access-token.js';
import { checkBaiduAsrAudio } from './baidu-asr-audio.js';
import type { BaiduConfig } from './baidu-config.js';
import { parseBaiduError, TOKEN_ERROR_CODES } from './baidu-error.js';
import { parseBaiduTranscriptionOptions } from './baidu-speech-options.js';
import { readBaiduJson } from './read-baidu-json.js';

/** Short ASR models by language; a numeric `dev_pid` string is accepted too. */
export type BaiduTranscriptionModelId =
  | 'mandarin'
  | 'english'
  | 'cantonese'
  | 'sichuanese'
  | 'mandarin-far-field'
  | 'mandarin-pro'
  | (string & {});

/** Model id → `dev_pid`, the language it hears and whether it uses the pro (极速版) endpoint. */
const MODELS: Record<string, { devPid: number; language: string; pro?: boolean }> = {
  mandarin: { devPid: 1537, language: 'zh' },
  english: { devPid: 1737, language: 'en' },
  cantonese: { devPid: 1637, language: 'yue' },
  sichuanese: { devPid: 1837, language: 'zh' },
  'mandarin-far-field': { devPid: 1936, language: 'zh' },
  'mandarin-pro': { devPid: 80001, language: 'zh', pro: true },
};

// ASR reports a rejected token or missing scope as err_no 3302.
const ASR_TOKEN_ERROR_CODES = [...TOKEN_ERROR_CODES, '3302'];

/**
 * 短语音识别 over `POST /server_api` (or `/pro_api`): the clip as base64
 * `speech` plus its raw byte length `len`, checked against the service's
 * limits first. Errors come as `err_no` bodies with HTTP 200.
 *
 * @example
 * ```ts
 * const { text } = await transcribe({ model: baidu.transcription('mandarin'), audio: wavBytes });
 * ```
 */
export class BaiduTranscriptionModel implements TranscriptionModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'baidu.transcription';
  readonly modelId: string;
  private readonly config: BaiduConfig;
  private readonly model: { devPid: number; language: string | undefined; pro?: boolean };

  /** Built by the Baidu provider; an unknown id throws `InvalidArgumentError` at once. */
  constructor(modelId: string, config: BaiduConfig) {
    this.modelId = modelId;
    this.config = config;
    const known = MODELS[modelId];
    if (known) this.model = known;
    else if (/^\d+$/.test(modelId)) this.model = { devPid: Number(modelId), language: undefined, pro: Number(modelId) >= 80000 };
    else {
      throw new InvalidArgumentError({ argument: 'modelId', message: `must be one of ${Object.keys(MODELS).join(', ')} or a numeric dev_pid`, value: modelId });
    }
  }

  async doTranscribe(options: TranscriptionModelCallOptions): Promise<TranscriptionModelResult> {
    const warnings: Warning[] = [];
    const baidu = parseBaiduTranscriptionOptions(options.providerOptions?.baidu);
    const audio = checkBaiduAsrAudio(options.audio, options.mediaType, { pro: this.model.pro === true, rate: baidu.rate });
    if (options.language !== undefined && this.model.language !== undefined && !options.language.toLowerCase().startsWith(this.model.language)) {
      warnings.push({ type: 'unsupported-setting', setting: 'language', details: `the model picks the language; ${this.modelId} hears ${this.model.language}` });
    }
    if (options.prompt !== undefined) warnings.push({ type: 'unsupported-setting', setting: 'prompt' });
    const speech = uint8ArrayToBase64(options.audio);
    const { response, data } = await withAccessToken(
      this.config.accessToken,
      options.abortSignal,
      async (token) => {
        const { response, context } = await sendRequest({
          provider: this.provider,
          url: `${this.config.baseURLs.asr()}/${this.model.pro ? 'pro_api' : 'server_api'}`,
          headers: Object.assign({}, this.config.headers(), options.headers, { 'content-type': 'application/json' }),
          body: JSON.stringify({
            format: audio.format,
            rate: audio.rate,
            channel: 1,
            cuid: baidu.cuid ?? this.config.cuid,
            token,
            dev_pid: this.model.devPid,
            lm_id: baidu.lmId,
            speech,
            len: options.audio.byteLength,
          }),
          fetch: this.config.fetch,
          abortSignal: options.abortSignal,
          parseError: parseBaiduError,
          secrets: [token],
        });
        const data = await readBaiduJson(response, context);
        if (!isRecord(data)) throw new InvalidResponseError({ provider: this.provider, message: 'expected a JSON object', rawValue: JSON.stringify(data) });
        if (data.err_no !== undefined && Number(data.err_no) !== 0) {
          throw createApiError(context, { text: JSON.stringify(data), responseHeaders: headersToRecord(response.headers) });
        }
        return { response, data };
      },
      ASR_TOKEN_ERROR_CODES,
    );
    if (data.result !== undefined && (!Array.isArray(data.result) || data.result.some((item) => typeof item !== 'string'))) {
      throw new InvalidResponseError({ provider: this.provider, message: '`result` is not a list of strings', rawValue: JSON.stringify(data) });
    }
    const sn = asString(data.sn);
    const corpusNo = asString(data.corpus_no);
    const metadata: { devPid: number; sn?: string; corpusNo?: string } = { devPid: this.model.devPid };
    if (sn) metadata.sn = sn;
    if (corpusNo) metadata.corpusNo = corpusNo;
    return {
      text: ((data.result as string[] | undefined) ?? []).join(''),
      segments: [],
      language: this.model.language,
      durationInSeconds: audio.durationInSeconds,
      warnings,
      response: { id: sn, modelId: this.modelId, timestamp: new Date(), headers: headersToRecord(response.headers) },
      providerMetadata: { baidu: metadata },
    };
  }
}
