import { LoadAPIKeyError } from '../errors/load-api-key-error.js';

/** Where a credential or setting may come from. */
export interface LoadSettingOptions {
  /** The value passed in the provider settings, which wins. */
  value: string | undefined;
  /** The environment variable read when `value` is empty. */
  environmentVariable: string;
  /** The setting's name, for the error. */
  setting: string;
  /** The provider, for the error. */
  provider: string;
  /** What the credential is, for the error (defaults to "<provider> API key"). */
  description?: string;
}

/**
 * Reads a required credential from the settings or, at call time, the
 * environment. Throws `LoadAPIKeyError` naming both when neither has it.
 */
export function loadApiKey(options: LoadSettingOptions): string {
  const value = loadOptionalSetting(options.value, options.environmentVariable);
  if (value === undefined) throw new LoadAPIKeyError(options);
  return value;
}

/**
 * Reads an optional setting from the settings or the environment. Safe where
 * there is no `process` (browsers, workers): it then reads only the settings.
 */
export function loadOptionalSetting(value: string | undefined, environmentVariable: string): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  // Browsers and workers have no `process`; Deno and Bun provide one.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (typeof env !== 'object' || env === null) return undefined;
  const fromEnv = env[environmentVariable];
  return typeof fromEnv === 'string' && fromEnv !== '' ? fromEnv : undefined;
}

/** Removes a trailing slash so `${baseURL}/path` never doubles it. */
export function withoutTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
