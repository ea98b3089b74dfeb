import { AigcError } from './aigc-error.js';

const NAME = 'AI_JobFailedError';

/**
 * A long-running job (Midjourney, ERNIE-ViLG, …) ended in failure.
 *
 * @example
 * ```ts
 * try {
 *   await generateImage({ model: midjourney('v7'), prompt: 'an apple' });
 * } catch (error) {
 *   if (JobFailedError.isInstance(error)) console.error(`job ${error.jobId} ended ${error.status}: ${error.reason}`);
 * }
 * ```
 */
export class JobFailedError extends AigcError {
  override readonly name = NAME;
  /** The provider's job id, to inspect or resume it. */
  readonly jobId: string;
  /** The job's final status word. */
  readonly status: string;
  /** The provider's reason (`failReason`, `error_msg`, …). */
  readonly reason: string | undefined;
  /** The provider, e.g. `midjourney.image`. */
  readonly provider: string;

  /** Builds the error; the message names the job and the reason. */
  constructor(options: { provider: string; jobId: string; status: string; reason?: string; cause?: unknown }) {
    super(
      `${options.provider} job ${options.jobId} ended with status ${options.status}` +
        (options.reason ? `: ${options.reason}` : ''),
      { cause: options.cause },
    );
    this.provider = options.provider;
    this.jobId = options.jobId;
    this.status = options.status;
    this.reason = options.reason;
  }

  /** True for a `JobFailedError` from any copy of aigc. */
  static override isInstance(value: unknown): value is JobFailedError {
    return AigcError.hasName(value, NAME);
  }
}
