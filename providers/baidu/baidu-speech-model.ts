import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { createApiError, headersToRecord, readBody, readTextCapped, sendRequest, typedBodyStream } from '../../src/http/index.js';
import type { SpeechModel, SpeechModelCallOptions, SpeechModelResult, Warning } from '../../src/provider/index.js';
import { withAccessToken } from './baidu-access-token.js';
import type { BaiduConfig } from './baidu-config.js';
import { parseBaiduError, TOKEN_ERROR_CODES } from './baidu-error.js';
import { parseBaiduSpeechOptions } from './baidu-speech-options.js';

/** Baidu's short-text speech synthesis; `tts` is the one model. */
export type BaiduSpeechModelId = 'tts' | (string & {});

/** Voice names as the console lists them, mapped to their `per` ids; any numeric id is accepted too. */
const VOICES: Record<string, string> = {
  度小美: '0',
  度小宇: '1',
  度逍遥: '3',
  度丫丫: '4',
  度小娇: '5',
  度米朵: '103',
  度博文: '106',
  度小童: '110',
  度小萌: '111',
};

/** `format` → `aue` and the media type of the answer. */
const FORMATS: Record<string, { aue: string; mediaType: string }> = {
  mp3: { aue: '3', mediaType: 'audio/mpeg' },
  pcm: { aue: '4', mediaType: 'audio/pcm;rate=16000' },
  'pcm-16k': { aue: '4', mediaType: 'audio/pcm;rate=16000' },
  'pcm-8k': { aue: '5', mediaType: 'audio/pcm;rate=8000' },
  wav: { aue: '6', mediaType: 'audio/wav' },
};

// TTS reports a rejected token as err_no 502 besides the common 110/111.
const TTS_TOKEN_ERROR_CODES = [...TOKEN_ERROR_CODES, '502'];
// The service's limit is counted in GBK bytes (two per Chinese character).
const MAX_GBK_BYTES = 1023;

/**
 * 短文本在线合成 over `POST /text2audio` (a form with the access token as
 * `tok`). Success is an `audio/*` body; an error is a JSON body, often with
 * HTTP 200, so the content type decides, not the status.
 *
 * @example
 * ```ts
 * const { audio } = await speak({ model: baidu.speech('tts'), text: '你好，世界', voice: '4', format: 'mp3' });
 * ```
 */
export class BaiduSpeechModel implements SpeechModel {
  readonly specificationVersion = 'v1' as const;
  readonly provider = 'baidu.speech';
  readonly modelId: string;
  /** In characters; the model also checks the service's GBK byte limit. */
  readonly maxTextLength = MAX_GBK_BYTES;
  private readonly config: BaiduConfig;

  /** Built by the Baidu provider. */
  constructor(modelId: string, config: BaiduConfig) {
    this.modelId = modelId;
    this.config = config;
  }

  private prepare(options: SpeechModelCallOptions): { fields: Record<string, string>; mediaType: string; warnings: Warning[] } {
    const warnings: Warning[] = [];
    const baidu = parseBaiduSpeechOptions(options.providerOptions?.baidu);
    if (gbkLength(options.text) > MAX_GBK_BYTES) {
      throw new InvalidArgumentError({ argument: 'text', message: `is longer than Baidu TTS accepts (${MAX_GBK_BYTES} GBK bytes, about 500 Chinese characters); split it` });
    }
    const format = FORMATS[options.format ?? 'mp3'];
    if (!format) throw new InvalidArgumentError({ argument: 'format', message: `must be one of ${Object.keys(FORMATS).join(', ')}`, value: options.format });
    let per: string | undefined;
    if (options.voice !== undefined) {
      per = VOICES[options.voice] ?? (/^\d+$/.test(options.voice) ? options.voice : undefined);
      if (per === undefined) {
        throw new InvalidArgumentError({ argument: 'voice', message: `must be a numeric Baidu voice id (per) or one of ${Object.keys(VOICES).join(', ')}`, value: options.voice });
      }
    }
    let spd = baidu.spd;
    if (spd === undefined && options.speed !== undefined) {
      const scaled = Math.round(options.speed * 5);
      spd = Math.min(15, Math.max(0, scaled));
      if (spd !== scaled) warnings.push({ type: 'unsupported-setting', setting: 'speed', details: `Baidu speeds run 0–15 (5 = normal); ${options.speed} was clamped to spd ${spd}` });
    } else if (spd !== undefined && options.speed !== undefined) {
      warnings.push({ type: 'unsupported-setting', setting: 'speed', details: 'providerOptions.baidu.spd was used instead' });
    }
    if (options.language !== undefined && !options.language.toLowerCase().startsWith('zh')) {
      warnings.push({ type: 'unsupported-setting', setting: 'language', details: 'Baidu TTS takes lan=zh only; its voices read English words within Chinese text' });
    }
    if (options.instructions !== undefined) warnings.push({ type: 'unsupported-setting', setting: 'instructions' });
    const fields: Record<string, string> = {
      // Baidu asks for tex URL-encoded twice; URLSearchParams adds the second encoding.
      tex: encodeURIComponent(options.text),
      cuid: baidu.cuid ?? this.config.cuid,
      ctp: '1',
      lan: 'zh',
      aue: format.aue,
    };
    if (spd !== undefined) fields.spd = String(spd);
    if (baidu.pit !== undefined) fields.pit = String(baidu.pit);
    if (baidu.vol !== undefined) fields.vol = String(baidu.vol);
    if (per !== undefined) fields.per = per;
    return { fields, mediaType: format.mediaType, warnings };
  }

  /** Sends the form; resolves once an audio body starts, throws the JSON error otherwise. */
  private request(fields: Record<string, string>, options: SpeechModelCallOptions) {
    return withAccessToken(
      this.config.accessToken,
      options.abortSignal,
      async (token) => {
        const { response, context } = await sendRequest({
          provider: this.provider,
          url: `${this.config.baseURLs.tts()}/text2audio`,
          headers: Object.assign({}, this.config.headers(), options.headers, { 'content-type': 'application/x-www-form-urlencoded' }),
          body: new URLSearchParams(Object.assign({}, fields, { tok: token })).toString(),
          fetch: this.config.fetch,
          abortSignal: options.abortSignal,
          parseError: parseBaiduError,
          secrets: [token],
        });
        const type = response.headers.get('content-type') ?? '';
        if (!type.startsWith('audio/') && (type.includes('json') || type.startsWith('text/'))) {
          throw createApiError(context, { text: await readTextCapped(response, 1024 * 1024), responseHeaders: headersToRecord(response.headers) });
        }
        return { response, context };
      },
      TTS_TOKEN_ERROR_CODES,
    );
  }

  async doGenerate(options: SpeechModelCallOptions): Promise<SpeechModelResult> {
    const { fields, mediaType, warnings } = this.prepare(options);
    const { response, context } = await this.request(fields, options);
    const headers = headersToRecord(response.headers);
    const audio = await readBody(response, context);
    return { audio, mediaType, warnings, response: { modelId: this.modelId, timestamp: new Date(), headers } };
  }

  async doStream(options: SpeechModelCallOptions): Promise<{ stream: ReadableStream<Uint8Array>; mediaType: string; warnings: Warning[]; response: SpeechModelResult['response'] }> {
    const { fields, mediaType, warnings } = this.prepare(options);
    const { response, context } = await this.request(fields, options);
    const stream = response.body
      ? typedBodyStream(response.body, context, 'while streaming the audio')
      : new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    return { stream, mediaType, warnings, response: { modelId: this.modelId, timestamp: new Date(), headers: headersToRecord(response.headers) } };
  }
}

function gbkLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) bytes += text.charCodeAt(index) < 0x80 ? 1 : 2;
  return bytes;
}
