import { isRecord } from '../../src/http/index.js';
import type { LanguageModelCallOptions, LanguageModelStreamPart, Warning } from '../../src/provider/index.js';

/** OpenAI chat options Qianfan v2 has no field for; sending them would drop them silently. */
const OPENAI_ONLY = ['logitBias', 'store', 'metadata', 'serviceTier', 'promptCacheKey', 'textVerbosity'] as const;

/**
 * Adapts `providerOptions.baidu` for the OpenAI chat model that serves
 * Qianfan v2: `user` goes out as Qianfan's `user` field (the OpenAI model
 * would send `safety_identifier`, which Qianfan ignores), and OpenAI-only
 * options are removed with a warning each. Anything else, invalid values
 * included, is left for the OpenAI model to validate.
 */
export function adaptQianfanChatOptions(options: LanguageModelCallOptions): { options: LanguageModelCallOptions; warnings: Warning[] } {
  const baidu = options.providerOptions?.baidu;
  if (!isRecord(baidu)) return { options, warnings: [] };
  const warnings: Warning[] = [];
  const adapted: Record<string, unknown> = Object.assign({}, baidu);
  for (const name of OPENAI_ONLY) {
    if (adapted[name] === undefined) continue;
    warnings.push({ type: 'unsupported-setting', setting: `providerOptions.baidu.${name}`, details: 'an OpenAI option Qianfan v2 has no field for' });
    delete adapted[name];
  }
  if (typeof adapted.user === 'string' && (adapted.extraBody === undefined || isRecord(adapted.extraBody))) {
    adapted.extraBody = Object.assign({ user: adapted.user }, adapted.extraBody as Record<string, unknown> | undefined);
    delete adapted.user;
  }
  return { options: Object.assign({}, options, { providerOptions: Object.assign({}, options.providerOptions, { baidu: adapted }) }), warnings };
}

/** Adds `warnings` to the stream's `stream-start` part. */
export function withStreamWarnings(stream: ReadableStream<LanguageModelStreamPart>, warnings: Warning[]): ReadableStream<LanguageModelStreamPart> {
  if (warnings.length === 0) return stream;
  return stream.pipeThrough(
    new TransformStream<LanguageModelStreamPart, LanguageModelStreamPart>({
      transform(part, controller) {
        controller.enqueue(part.type === 'stream-start' ? Object.assign({}, part, { warnings: [...part.warnings, ...warnings] }) : part);
      },
    }),
  );
}
