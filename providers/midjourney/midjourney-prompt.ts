import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import type { Warning } from '../../src/provider/index.js';

/** Raw Midjourney parameters: `'--stylize 250 --tile'` or `{ stylize: 250, tile: true, style: 'raw' }` (false or null leaves one out). */
export type MidjourneyParameters = string | Record<string, string | number | boolean | null | undefined>;

/** What {@link buildMidjourneyPrompt} turns into one prompt line. */
export interface MidjourneyPromptInput {
  /** The user's prompt, which may already carry parameters. */
  prompt: string;
  /** `--v 7` or `--niji 6`, from the model id; undefined sends none (the account's default). */
  version: { name: 'v' | 'niji'; value: string | undefined } | undefined;
  /** `W:H`, sent as `--ar`. */
  aspectRatio?: string;
  /** `WxH`, reduced to `--ar` when there is no aspect ratio. */
  size?: string;
  /** Sent as `--seed`. */
  seed?: number;
  /** Sent as `--no`. */
  negativePrompt?: string;
  /** Raw extras from `providerOptions.midjourney.parameters`. */
  parameters?: MidjourneyParameters;
  /** Image prompts (public URLs), put first as Midjourney expects. */
  imageUrls?: string[];
}

// Midjourney accepts long and short spellings; both count as one parameter.
const ALIASES: Record<string, string> = {
  aspect: 'ar', version: 'v', niji: 'v', stylize: 's', chaos: 'c', quality: 'q', weird: 'w', repeat: 'r', profile: 'p',
};
const PARAMETER = /(?:^|\s)(?:--|—)([a-zA-Z][\w-]*)/g;
const MAX_SEED = 4_294_967_295;

/**
 * Appends the call settings to the prompt as Midjourney parameters
 * (`--ar`, `--seed`, `--no`, raw extras, `--v`/`--niji`). A parameter the
 * prompt already has wins: the setting is left out with a warning, so nothing
 * is ever sent twice. `size` becomes `--ar` with a warning (Midjourney has no
 * pixel sizes).
 */
export function buildMidjourneyPrompt(input: MidjourneyPromptInput): { prompt: string; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const present = parameterNames(input.prompt);
  const parts: string[] = [];
  const add = (name: string, value: string | undefined, setting: string) => {
    const key = canonical(name);
    if (present.has(key)) {
      warnings.push({ type: 'unsupported-setting', setting, details: `the prompt already sets --${name}; ${setting} was not appended` });
      return;
    }
    present.add(key);
    parts.push(value === undefined ? `--${name}` : `--${name} ${value}`);
  };

  const aspectRatio = input.aspectRatio ?? (input.size ? sizeToAspectRatio(input.size) : undefined);
  if (input.size && input.aspectRatio) {
    warnings.push({ type: 'unsupported-setting', setting: 'size', details: 'Midjourney has no pixel sizes; aspectRatio was used instead' });
  } else if (input.size && aspectRatio) {
    warnings.push({ type: 'unsupported-setting', setting: 'size', details: `Midjourney has no pixel sizes; sent as --ar ${aspectRatio}` });
  }
  if (aspectRatio) add('ar', aspectRatio, input.aspectRatio ? 'aspectRatio' : 'size');
  if (input.seed !== undefined) {
    if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > MAX_SEED) {
      throw new InvalidArgumentError({ argument: 'seed', message: `Midjourney seeds are integers from 0 to ${MAX_SEED}`, value: input.seed });
    }
    add('seed', String(input.seed), 'seed');
  }
  if (input.negativePrompt !== undefined && input.negativePrompt.trim() !== '') add('no', input.negativePrompt.trim(), 'negativePrompt');
  for (const [name, value] of parametersToList(input.parameters)) add(name, value, `providerOptions.midjourney.parameters.${name}`);
  if (input.version) add(input.version.name, input.version.value, 'model');

  const text = [...(input.imageUrls ?? []), input.prompt.trim(), ...parts].filter((part) => part !== '').join(' ');
  return { prompt: text, warnings };
}

/** The names of the parameters a prompt already carries, canonicalised (`aspect` → `ar`). */
export function parameterNames(prompt: string): Set<string> {
  const names = new Set<string>();
  for (const match of prompt.matchAll(PARAMETER)) names.add(canonical(match[1]!));
  return names;
}

/**
 * The version parameter of a model id: `v7`/`7`/`v6.1` → `--v`, `niji-6`/`niji6`/`niji` → `--niji`,
 * `default` → none. Anything else throws `InvalidArgumentError`.
 */
export function versionFromModelId(modelId: string): MidjourneyPromptInput['version'] {
  const id = modelId.trim().toLowerCase();
  if (id === 'default') return undefined;
  const version = /^v?(\d+(?:\.\d+)?)$/.exec(id);
  if (version) return { name: 'v', value: version[1] };
  const niji = /^niji(?:[-\s]?(\d+(?:\.\d+)?))?$/.exec(id);
  if (niji) return { name: 'niji', value: niji[1] };
  throw new InvalidArgumentError({
    argument: 'modelId',
    message: "Midjourney model ids are 'v7', 'v6.1', 'niji-6', 'niji' or 'default' (the account's setting)",
    value: modelId,
  });
}

function canonical(name: string): string {
  const lower = name.toLowerCase();
  return ALIASES[lower] ?? lower;
}

function sizeToAspectRatio(size: string): string | undefined {
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (!match) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  if (width === 0 || height === 0) return undefined;
  const divisor = gcd(width, height);
  return `${width / divisor}:${height / divisor}`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function parametersToList(parameters: MidjourneyParameters | undefined): Array<[string, string | undefined]> {
  if (parameters === undefined) return [];
  if (typeof parameters === 'string') {
    const list: Array<[string, string | undefined]> = [];
    for (const chunk of parameters.split(/(?:^|\s)--/).map((part) => part.trim()).filter(Boolean)) {
      const [name, ...rest] = chunk.split(/\s+/);
      list.push([name!, rest.length ? rest.join(' ') : undefined]);
    }
    return list;
  }
  const list: Array<[string, string | undefined]> = [];
  for (const [rawName, value] of Object.entries(parameters)) {
    const name = rawName.replace(/^--/, '');
    if (!/^[a-zA-Z][\w-]*$/.test(name)) {
      throw new InvalidArgumentError({ argument: `providerOptions.midjourney.parameters.${rawName}`, message: 'is not a Midjourney parameter name' });
    }
    if (value === false || value === null || value === undefined) continue;
    list.push([name, value === true ? undefined : String(value)]);
  }
  return list;
}
