import { InvalidArgumentError } from '../errors/invalid-argument-error.js';

/** Sampling and length settings shared by the text functions. */
export interface CallSettings {
  /** Upper bound on generated tokens; a positive integer. */
  maxOutputTokens?: number;
  /** Sampling temperature; a finite number (the provider enforces its range). */
  temperature?: number;
  /** Nucleus sampling, 0..1. */
  topP?: number;
  /** Top-k sampling, a positive integer. */
  topK?: number;
  /** Presence penalty. */
  presencePenalty?: number;
  /** Frequency penalty. */
  frequencyPenalty?: number;
  /** Sequences that stop generation. */
  stopSequences?: string[];
  /** Seed for best-effort deterministic sampling; an integer. */
  seed?: number;
}

/** Validates {@link CallSettings}; returns only the settings that were set. */
export function prepareCallSettings(settings: CallSettings): CallSettings {
  const result: CallSettings = {};
  const { maxOutputTokens, temperature, topP, topK, presencePenalty, frequencyPenalty, stopSequences, seed } = settings;
  if (maxOutputTokens !== undefined) {
    if (!Number.isInteger(maxOutputTokens) || maxOutputTokens < 1) fail('maxOutputTokens', 'must be an integer >= 1', maxOutputTokens);
    result.maxOutputTokens = maxOutputTokens;
  }
  if (temperature !== undefined) result.temperature = finite('temperature', temperature);
  if (presencePenalty !== undefined) result.presencePenalty = finite('presencePenalty', presencePenalty);
  if (frequencyPenalty !== undefined) result.frequencyPenalty = finite('frequencyPenalty', frequencyPenalty);
  if (topP !== undefined) {
    if (typeof topP !== 'number' || !(topP >= 0 && topP <= 1)) fail('topP', 'must be a number between 0 and 1', topP);
    result.topP = topP;
  }
  if (topK !== undefined) {
    if (!Number.isInteger(topK) || topK < 1) fail('topK', 'must be an integer >= 1', topK);
    result.topK = topK;
  }
  if (seed !== undefined) {
    if (!Number.isInteger(seed)) fail('seed', 'must be an integer', seed);
    result.seed = seed;
  }
  if (stopSequences !== undefined) {
    if (!Array.isArray(stopSequences) || stopSequences.some((item) => typeof item !== 'string' || item === '')) {
      fail('stopSequences', 'must be an array of non-empty strings', stopSequences);
    }
    if (stopSequences.length > 0) result.stopSequences = stopSequences;
  }
  return result;
}

function finite(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(argument, 'must be a finite number', value);
  return value;
}

function fail(argument: string, message: string, value: unknown): never {
  throw new InvalidArgumentError({ argument, message, value });
}
