import { asNumber, asString, isRecord } from '../../src/http/index.js';

/** What the WebUI's `info` says about a generation. */
export interface Automatic1111Info {
  /** Seeds, one per generated image. */
  seeds: number[];
  /** Subseeds, one per generated image. */
  subseeds: number[];
  /** Index in `images` of the first generated image (1 when a grid comes first). */
  indexOfFirstImage: number;
  /** The checkpoint that ran. */
  sdModelName: string | undefined;
  /** Its short hash. */
  sdModelHash: string | undefined;
  /** The human-readable parameters per image, as the WebUI embeds them in PNGs. */
  infotexts: string[];
}

/**
 * Parses `info`, a JSON document inside a string. The WebUI fills it from its
 * processing object; a missing or broken `info` yields empty lists rather than
 * failing a generation whose images did arrive.
 */
export function parseAutomatic1111Info(info: unknown): Automatic1111Info {
  let data: unknown = info;
  if (typeof info === 'string') {
    try {
      data = JSON.parse(info);
    } catch {
      data = undefined;
    }
  }
  const record = isRecord(data) ? data : {};
  const numbers = (value: unknown) => (Array.isArray(value) ? value.map(asNumber).filter((item) => item !== undefined) : []);
  const seed = asNumber(record.seed);
  const seeds = numbers(record.all_seeds);
  return {
    seeds: seeds.length > 0 ? seeds : seed === undefined ? [] : [seed],
    subseeds: numbers(record.all_subseeds),
    indexOfFirstImage: asNumber(record.index_of_first_image) ?? 0,
    sdModelName: asString(record.sd_model_name),
    sdModelHash: asString(record.sd_model_hash),
    infotexts: Array.isArray(record.infotexts) ? record.infotexts.filter((item) => typeof item === 'string') : [],
  };
}
