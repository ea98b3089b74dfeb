import type { ToolSet } from './tool.js';
import type { StepResult } from './step-result.js';

/** Decides after a step whether the tool loop stops. */
export type StopCondition<TOOLS extends ToolSet = ToolSet> = (options: { steps: Array<StepResult<TOOLS>> }) => boolean | PromiseLike<boolean>;

/**
 * Stops once `count` steps ran.
 *
 * @example
 * ```ts
 * const { steps } = await generateText({ model, tools: { weather }, stopWhen: stepCountIs(3), prompt: 'Weather in Beijing?' });
 * ```
 */
export function stepCountIs(count: number): StopCondition<any> {
  return ({ steps }) => steps.length >= count;
}

/**
 * Stops once the model called the named tool.
 *
 * @example
 * ```ts
 * await generateText({ model, tools: { weather, answer }, maxSteps: 5, stopWhen: hasToolCall('answer'), prompt: 'Plan a trip' });
 * ```
 */
export function hasToolCall(toolName: string): StopCondition<any> {
  return ({ steps }) => steps[steps.length - 1]?.toolCalls.some((call) => call.toolName === toolName) ?? false;
}
