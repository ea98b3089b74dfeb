import { asNumber, isRecord } from '../../src/http/index.js';
import type { ProviderMetadata } from '../../src/provider/index.js';
import type { OpenAIMetadataExtractor } from '../openai/openai-config.js';

/**
 * Surfaces Qianfan v2's safety markers (`flag`, `ban_round` on the choice)
 * as `providerMetadata.baidu`, so callers can tell a filtered answer apart
 * and drop the offending turn from their history.
 */
export const qianfanMetadataExtractor: OpenAIMetadataExtractor = {
  fromResponse(body) {
    return fromChoice(Array.isArray(body.choices) ? body.choices[0] : undefined);
  },
  fromStream() {
    let metadata: ProviderMetadata | undefined;
    return {
      chunk(chunk) {
        metadata = fromChoice(Array.isArray(chunk.choices) ? chunk.choices[0] : undefined) ?? metadata;
      },
      build: () => metadata,
    };
  },
};

function fromChoice(choice: unknown): ProviderMetadata | undefined {
  if (!isRecord(choice)) return undefined;
  const flag = asNumber(choice.flag);
  const banRound = asNumber(choice.ban_round);
  if (flag === undefined && banRound === undefined) return undefined;
  const baidu: { flag?: number; banRound?: number } = {};
  if (flag !== undefined) baidu.flag = flag;
  if (banRound !== undefined) baidu.banRound = banRound;
  return { baidu };
}
