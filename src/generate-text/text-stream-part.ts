import type { FinishReason, LanguageModelUsage, ProviderMetadata, ResponseMetadata, Warning } from '../provider/index.js';
import type { ToolErrorResult, ToolSet, TypedToolCall, TypedToolResult } from './tool.js';

/**
 * A part of `streamText`'s `fullStream`, discriminated on `type`.
 * `stream-end` comes once, at the very end; `step-end` between tool-loop steps.
 */
export type TextStreamPart<TOOLS extends ToolSet = ToolSet> =
  | { type: 'stream-start'; /** Settings the model ignored. */ warnings: Warning[] }
  | { type: 'text-delta'; /** New text. */ text: string }
  | { type: 'reasoning-delta'; /** New reasoning text. */ text: string }
  | TypedToolCall<TOOLS>
  | TypedToolResult<TOOLS>
  | ToolErrorResult
  | {
      type: 'step-end';
      /** Why the model stopped in this step. */
      finishReason: FinishReason;
      /** The step's usage. */
      usage: LanguageModelUsage;
      /** The step's response metadata. */
      response: ResponseMetadata;
      /** Provider-specific extras of the step. */
      providerMetadata: ProviderMetadata | undefined;
    }
  | { type: 'error'; /** What failed; iteration throws it right after this part. */ error: unknown }
  | {
      type: 'stream-end';
      /** Why the model stopped in the last step. */
      finishReason: FinishReason;
      /** Usage summed over all steps. */
      usage: LanguageModelUsage;
      /** Provider-specific extras of the last step. */
      providerMetadata: ProviderMetadata | undefined;
    };
