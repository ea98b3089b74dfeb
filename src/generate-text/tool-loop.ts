import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { StepResult } from './step-result.js';
import type { StopCondition } from './stop-condition.js';
import type { ToolChoice, ToolSet } from './tool.js';

/** Tool options of `generateText` and `streamText`. */
export interface ToolLoopOptions<TOOLS extends ToolSet> {
  /** Tools the model may call, by name. */
  tools?: TOOLS;
  /** How the model may use them. */
  toolChoice?: ToolChoice<TOOLS>;
  /**
   * The most model calls in the loop: tool results are sent back until the
   * model answers without calls or this many steps ran. Default 1 (no loop),
   * or 20 when `stopWhen` is given.
   */
  maxSteps?: number;
  /** Stops the loop early when any condition is true after a step (`stepCountIs(3)`, `hasToolCall('done')`). */
  stopWhen?: StopCondition<TOOLS> | Array<StopCondition<TOOLS>>;
}

/** Validated loop settings. */
export interface PreparedLoop {
  /** True when another step should run after `steps`. */
  shouldContinue(steps: Array<StepResult<any>>, tools: ToolSet): Promise<boolean>;
}

/** The default loop (one step, no conditions): one shared value, no closure per call. */
const ONE_STEP: PreparedLoop = { shouldContinue: async () => false };

/** Validates `maxSteps`/`stopWhen` and returns the continue decision. */
export function prepareLoop(options: ToolLoopOptions<any>): PreparedLoop {
  if (options.stopWhen === undefined && options.maxSteps === undefined) return ONE_STEP;
  return validatedLoop(options);
}

/** The loop of {@link prepareLoop} when a setting was given (a function of its own: see linkedSignal in call-signal.ts). */
function validatedLoop(options: ToolLoopOptions<any>): PreparedLoop {
  const conditions = options.stopWhen === undefined ? [] : Array.isArray(options.stopWhen) ? options.stopWhen : [options.stopWhen];
  if (conditions.some((condition) => typeof condition !== 'function')) {
    throw new InvalidArgumentError({ argument: 'stopWhen', message: 'must be a stop condition or an array of them' });
  }
  const maxSteps = options.maxSteps ?? (conditions.length > 0 ? 20 : 1);
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new InvalidArgumentError({ argument: 'maxSteps', message: 'must be an integer >= 1', value: maxSteps });
  }
  return {
    async shouldContinue(steps, tools) {
      const last = steps[steps.length - 1]!;
      if (steps.length >= maxSteps) return false;
      const calls = [...last.toolCalls, ...last.toolErrors];
      if (calls.length === 0) return false;
      // A call to a tool without `execute` is for the caller to answer.
      if (last.toolCalls.some((call) => !tools[call.toolName]?.execute)) return false;
      for (const condition of conditions) if (await condition({ steps })) return false;
      return true;
    },
  };
}
