import type { ImageModelCallOptions } from '../../../src/provider/index.js';
import { createMidjourney, type MidjourneyProviderSettings } from '../../../providers/midjourney/index.js';
import { BASE_URL, SECRET } from './handlers.js';

/** A provider pointed at the msw proxy, polling every millisecond. */
export const provider = (settings: MidjourneyProviderSettings = {}) =>
  createMidjourney({ baseURL: BASE_URL, apiSecret: SECRET, pollIntervalMs: 1, ...settings });

/** Call options with the defaults core would fill in. */
export const callOptions = (options: Partial<ImageModelCallOptions> = {}): ImageModelCallOptions => ({ prompt: undefined, n: 1, ...options });

/** Captures an async rejection for assertions. */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
