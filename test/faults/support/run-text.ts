import { generateText, streamText } from '../../../src/index.js';
import type { LanguageModel } from '../../../src/provider/index.js';

/** Which text path a case drives. */
export type TextMode = 'generate' | 'stream';

/** How a call ended. `settledAt` is `performance.now()` when the caller got the outcome. */
export type TextOutcome =
  | { ok: true; text: string; finishReason: string; settledAt: number }
  | { ok: false; error: unknown; settledAt: number; text: string };

/** Options of {@link runText}. */
export interface RunTextOptions {
  model: LanguageModel;
  mode: TextMode;
  maxRetries?: number;
  timeout?: number;
  abortSignal?: AbortSignal;
  /** Stream mode: called with each text delta as the caller receives it. */
  onDelta?: (text: string) => void;
  /** Stream mode: leave the `for await` after the first delta (cancels the request). */
  breakAfterFirstDelta?: boolean;
}

/**
 * Runs `generateText` or `streamText` (reading `fullStream` to the end) and
 * returns the outcome; never throws for a call failure. In stream mode it
 * also checks the contract between the stream and its promises: an error
 * part comes before the stream errors with the same error, and `text`
 * rejects with it too (or resolves to the streamed text).
 */
export async function runText(options: RunTextOptions): Promise<TextOutcome> {
  const { model, mode, maxRetries, timeout, abortSignal } = options;
  if (mode === 'generate') {
    try {
      const result = await generateText({ model, prompt: 'fault', maxRetries, timeout, abortSignal });
      return { ok: true, text: result.text, finishReason: result.finishReason, settledAt: performance.now() };
    } catch (error) {
      return { ok: false, error, settledAt: performance.now(), text: '' };
    }
  }
  const result = streamText({ model, prompt: 'fault', maxRetries, timeout, abortSignal });
  let text = '';
  let errorPart: { error: unknown } | undefined;
  let thrown: { error: unknown } | undefined;
  let broke = false;
  try {
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta') {
        text += part.text;
        options.onDelta?.(part.text);
        if (options.breakAfterFirstDelta) {
          broke = true;
          break;
        }
      }
      if (part.type === 'error') errorPart = { error: part.error };
    }
  } catch (error) {
    thrown = { error };
  }
  // Every promise of the result settles with the stream (checked by the caller's settle bound on settledAt).
  const others = await Promise.allSettled([result.usage, result.finishReason, result.steps, result.response, result.toolCalls]);
  const settledAt = performance.now();
  const settled = await result.text.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (broke) {
    if (settled.ok || others.some((other) => other.status !== 'rejected')) throw new Error('streamText: a result promise resolved after the caller broke out of the stream');
    return { ok: false, error: settled.error, settledAt, text };
  }
  if (errorPart || thrown) {
    const error = (errorPart ?? thrown)!.error;
    if (!errorPart) throw new Error(`streamText: the stream threw without an error part first: ${String(thrown!.error)}`);
    if (!thrown) throw new Error('streamText: an error part was not followed by the stream erroring');
    if (thrown.error !== error) throw new Error('streamText: the stream errored with another error than its error part');
    if (settled.ok || settled.error !== error) throw new Error('streamText: `text` did not reject with the stream error');
    if (others.some((other) => other.status !== 'rejected' || other.reason !== error)) throw new Error('streamText: a result promise did not reject with the stream error');
    return { ok: false, error, settledAt, text };
  }
  if (!settled.ok) throw new Error(`streamText: the stream ended cleanly but \`text\` rejected: ${String(settled.error)}`);
  if (others.some((other) => other.status !== 'fulfilled')) throw new Error('streamText: the stream ended cleanly but a result promise rejected');
  if (settled.value !== text) throw new Error(`streamText: \`text\` (${settled.value}) differs from the streamed deltas (${text})`);
  return { ok: true, text, finishReason: await result.finishReason, settledAt };
}
