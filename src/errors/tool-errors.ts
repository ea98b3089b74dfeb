import { AigcError } from './aigc-error.js';

const INVALID = 'AI_InvalidToolInputError';
const NO_SUCH = 'AI_NoSuchToolError';
const EXECUTION = 'AI_ToolExecutionError';

/**
 * The model called a tool with input that is not JSON or fails the tool's schema.
 *
 * @example
 * ```ts
 * try {
 *   await generateText({ model, tools: { weather }, prompt: 'Weather in Beijing?' });
 * } catch (error) {
 *   if (InvalidToolInputError.isInstance(error)) console.error(error.toolName, error.toolInput);
 * }
 * ```
 */
export class InvalidToolInputError extends AigcError {
  override readonly name = INVALID;
  /** The tool's name. */
  readonly toolName: string;
  /** The raw input the model produced. */
  readonly toolInput: string;

  /** `cause` is the JSON or schema error. */
  constructor(options: { toolName: string; toolInput: string; cause: unknown }) {
    super(`Invalid input for tool ${options.toolName}: ${describe(options.cause)}`, { cause: options.cause });
    this.toolName = options.toolName;
    this.toolInput = options.toolInput;
  }

  /** True for an `InvalidToolInputError` from any copy of aigc. */
  static override isInstance(value: unknown): value is InvalidToolInputError {
    return AigcError.hasName(value, INVALID);
  }
}

/**
 * The model called a tool that was not offered.
 *
 * @example
 * ```ts
 * try {
 *   await generateText({ model, tools: { weather }, prompt: 'Weather in Beijing?' });
 * } catch (error) {
 *   if (NoSuchToolError.isInstance(error)) console.error(error.toolName, 'is not one of', error.availableTools);
 * }
 * ```
 */
export class NoSuchToolError extends AigcError {
  override readonly name = NO_SUCH;
  /** The name the model used. */
  readonly toolName: string;
  /** The tools that were offered. */
  readonly availableTools: string[];

  /** Lists the tools that exist. */
  constructor(options: { toolName: string; availableTools: string[] }) {
    super(`Model called unknown tool ${options.toolName}; available: ${options.availableTools.join(', ') || 'none'}.`);
    this.toolName = options.toolName;
    this.availableTools = options.availableTools;
  }

  /** True for a `NoSuchToolError` from any copy of aigc. */
  static override isInstance(value: unknown): value is NoSuchToolError {
    return AigcError.hasName(value, NO_SUCH);
  }
}

/**
 * A tool's `execute` threw.
 *
 * @example
 * ```ts
 * try {
 *   await generateText({ model, tools: { weather }, prompt: 'Weather in Beijing?' });
 * } catch (error) {
 *   if (ToolExecutionError.isInstance(error)) console.error(error.toolName, error.toolCallId, error.cause);
 * }
 * ```
 */
export class ToolExecutionError extends AigcError {
  override readonly name = EXECUTION;
  /** The tool's name. */
  readonly toolName: string;
  /** The call's id. */
  readonly toolCallId: string;
  /** The validated input `execute` received. */
  readonly toolInput: unknown;

  /** `cause` is what `execute` threw. */
  constructor(options: { toolName: string; toolCallId: string; toolInput: unknown; cause: unknown }) {
    super(`Tool ${options.toolName} failed: ${describe(options.cause)}`, { cause: options.cause });
    this.toolName = options.toolName;
    this.toolCallId = options.toolCallId;
    this.toolInput = options.toolInput;
  }

  /** True for a `ToolExecutionError` from any copy of aigc. */
  static override isInstance(value: unknown): value is ToolExecutionError {
    return AigcError.hasName(value, EXECUTION);
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
