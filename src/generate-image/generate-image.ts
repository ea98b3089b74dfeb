import { NoContentGeneratedError } from '../errors/no-content-generated-error.js';
import type { ImageModelResult, ProviderMetadata, Warning } from '../provider/index.js';
import { retryWithBackoff } from '../retry/retry-with-backoff.js';
import { createCallSignal } from '../util/call-signal.js';
import type { GenerateImageResult } from './generate-image-result.js';
import { prepareImageCall, type GenerateImageOptions } from './prepare-image-call.js';
import { resolveImageOutput, resolveInputImage } from './resolve-image-output.js';
import { runParallel } from './run-parallel.js';

/**
 * Generates images with an image model. A large `n` is split into parallel
 * calls of at most the model's `maxImagesPerCall`; images returned as URLs
 * are downloaded (size-capped, no credentials sent); long-running jobs report
 * progress through `onProgress` and can be picked up again with `resume`.
 *
 * @example
 * const { image } = await generateImage({ model: openai.image('gpt-image-1'), prompt: 'an apple, studio light', size: '1024x1024' });
 * await writeFile('apple.png', image.uint8Array);
 */
export async function generateImage(options: GenerateImageOptions): Promise<GenerateImageResult> {
  const call = prepareImageCall(options);
  const model = options.model;
  const callSignal = createCallSignal(options.abortSignal, call.timeout, { cancelable: true });
  const signal = callSignal.signal;
  try {
    const [images, mask] = await Promise.all([
      call.images && Promise.all(call.images.map((image) => resolveInputImage(image, options.download, signal))),
      call.mask && resolveInputImage(call.mask, options.download, signal),
    ]);
    const counts = splitCount(call.n, call.perCall);
    const tasks = counts.map((n) => async () => {
      let jobError: unknown;
      try {
        return await retryWithBackoff(async () => {
          signal?.throwIfAborted();
          try {
            return await model.doGenerate(Object.assign({}, call.base, { images, mask, n, abortSignal: signal }));
          } catch (error) {
            if (hasJobId(error)) jobError = error;
            throw error;
          }
        }, { maxRetries: call.maxRetries, abortSignal: signal });
      } catch (error) {
        // The retry loop rethrows a timeout as the bare signal reason; the model's copy names the job to resume.
        throw jobError !== undefined && isTimeout(error) && isTimeout(jobError) ? jobError : error;
      }
    });
    const results: ImageModelResult[] = await runParallel(tasks, call.parallel);
    const outputs = results.flatMap((result) => result.images);
    if (outputs.length === 0) {
      throw new NoContentGeneratedError({ provider: model.provider, message: `${model.provider} (${model.modelId}) returned no images` });
    }
    const files = await runParallel(outputs.map((output) => () => resolveImageOutput(output, options.download, signal)), call.parallel);
    return {
      image: files[0]!,
      images: files,
      warnings: uniqueWarnings(results.flatMap((result) => result.warnings)),
      responses: results.map((result) => result.response),
      providerMetadata: mergeMetadata(results.map((result) => result.providerMetadata)),
      usage: sumUsage(results),
    };
  } catch (error) {
    // One failed call or download fails the whole request: stop the calls and downloads still running.
    if (!signal?.aborted) callSignal.abort(error);
    throw error;
  } finally {
    callSignal.dispose();
  }
}

function hasJobId(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { jobId?: unknown }).jobId === 'string';
}

function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TimeoutError';
}

function splitCount(n: number, perCall: number): number[] {
  const counts: number[] = [];
  for (let left = n; left > 0; left -= perCall) counts.push(Math.min(left, perCall));
  return counts;
}

function uniqueWarnings(warnings: Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = JSON.stringify(warning);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Per provider key: arrays (seeds, revised prompts, job ids) concatenate across calls; other values keep the first call's.
function mergeMetadata(all: Array<ProviderMetadata | undefined>): ProviderMetadata {
  const merged: ProviderMetadata = {};
  for (const metadata of all) {
    for (const [provider, values] of Object.entries(metadata ?? {})) {
      const target = (merged[provider] ??= {});
      for (const [key, value] of Object.entries(values)) {
        const existing = target[key];
        if (Array.isArray(existing) && Array.isArray(value)) target[key] = [...existing, ...value];
        else if (!(key in target)) target[key] = value;
      }
    }
  }
  return merged;
}

function sumUsage(results: ImageModelResult[]): GenerateImageResult['usage'] {
  const usages = results.flatMap((result) => (result.usage ? [result.usage] : []));
  if (usages.length === 0) return undefined;
  const sum = (key: 'inputTokens' | 'outputTokens' | 'totalTokens') =>
    usages.some((usage) => usage[key] !== undefined) ? usages.reduce((total, usage) => total + (usage[key] ?? 0), 0) : undefined;
  return { inputTokens: sum('inputTokens'), outputTokens: sum('outputTokens'), totalTokens: sum('totalTokens') };
}
