import type { ToolSet } from './tool.js';
import type { StepResult } from './step-result.js';

/** Decides after a step whether the tool loop stops. */
export type StopCondition<TOOLS extends ToolSet = ToolSet> = (options: { steps: Array<StepResult<TOOLS>> }) => boolean | PromiseLike<boolean>;

/** Stops once `count` steps ran. */
export function stepCountIs(count: number): StopCondition<any> {
  return ({ steps }) => steps.length >= count;
}

/** Stops once the model called the named tool. */
export function hasToolCall(toolName: string): StopCondition<any> {
  return ({ steps }) => steps[steps.length - 1]?.toolCalls.some((call) => call.toolName === toolName) ?? false;
}
