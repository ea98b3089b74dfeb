const marker = Symbol.for('aigc.error');

/**
 * The root of every error aigc throws. `AigcError.isInstance(error)` works
 * across duplicate copies of the package, where `instanceof` would not.
 *
 * @example
 * try { await generateText({ model, prompt }) }
 * catch (error) { if (APICallError.isInstance(error)) console.log(error.statusCode) }
 */
export class AigcError extends Error {
  private readonly [marker] = true;
  /** A literal name per class, e.g. `AI_APICallError`. */
  override readonly name: string = 'AI_AigcError';

  /** Builds an error with a message and an optional cause. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  /** True for any aigc error, from any copy of the package. */
  static isInstance(value: unknown): value is AigcError {
    return typeof value === 'object' && value !== null && marker in value;
  }

  /** True when `value` is an aigc error whose `name` is `name`. */
  protected static hasName(value: unknown, name: string): boolean {
    return AigcError.isInstance(value) && value.name === name;
  }
}
