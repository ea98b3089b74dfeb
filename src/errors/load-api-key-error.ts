import { AigcError } from './aigc-error.js';

const NAME = 'AI_LoadAPIKeyError';

/**
 * A credential is neither in the provider settings nor in the environment.
 *
 * @example
 * ```ts
 * try {
 *   await generateText({ model: openai('gpt-4o-mini'), prompt: 'Hi' });
 * } catch (error) {
 *   if (LoadAPIKeyError.isInstance(error)) console.error(`set ${error.environmentVariable} or pass ${error.setting}`);
 * }
 * ```
 */
export class LoadAPIKeyError extends AigcError {
  override readonly name = NAME;
  /** The provider setting that was empty, e.g. `apiKey`. */
  readonly setting: string;
  /** The environment variable that was empty, e.g. `OPENAI_API_KEY`. */
  readonly environmentVariable: string;

  /** Names both places the credential could have come from. */
  constructor(options: { provider: string; setting: string; environmentVariable: string; description?: string }) {
    super(
      `${options.description ?? `${options.provider} API key`} is missing. Pass it as the \`${options.setting}\` setting ` +
        `or set the ${options.environmentVariable} environment variable.`,
    );
    this.setting = options.setting;
    this.environmentVariable = options.environmentVariable;
  }

  /** True for a `LoadAPIKeyError` from any copy of aigc. */
  static override isInstance(value: unknown): value is LoadAPIKeyError {
    return AigcError.hasName(value, NAME);
  }
}
