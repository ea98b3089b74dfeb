import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { InvalidToolInputError, NoSuchToolError, ToolExecutionError } from '../errors/tool-errors.js';
import type { ModelMessage } from '../prompt/model-message.js';
import type { LanguageModelFunctionTool, LanguageModelToolChoice } from '../provider/index.js';
import { asSchema, type Schema } from '../schema/as-schema.js';
import { parseJsonText } from '../schema/parse-json-text.js';
import { isPlainObject } from '../util/call-signal.js';
import type { ToolChoice, ToolErrorResult, ToolSet, TypedToolCall, TypedToolResult } from './tool.js';

/** Tools converted for the model, plus their schemas for validating calls. */
export interface PreparedTools {
  /** For the model. */
  tools: LanguageModelFunctionTool[] | undefined;
  /** For the model. */
  toolChoice: LanguageModelToolChoice | undefined;
  /** Schemas by tool name. */
  schemas: Map<string, Schema>;
}

/** A call without tools: one shared value, nothing allocated per call (the map is never written). */
const NO_TOOLS: PreparedTools = { tools: undefined, toolChoice: undefined, schemas: new Map() };

/** Validates `tools` and `toolChoice` and converts the schemas, before any request. */
export function prepareTools(tools: ToolSet | undefined, toolChoice: ToolChoice | undefined): PreparedTools {
  if (tools === undefined) {
    if (toolChoice !== undefined && toolChoice !== 'none' && toolChoice !== 'auto') {
      throw new InvalidArgumentError({ argument: 'toolChoice', message: 'needs `tools`' });
    }
    return NO_TOOLS;
  }
  const schemas = new Map<string, Schema>();
  if (!isPlainObject(tools)) throw new InvalidArgumentError({ argument: 'tools', message: 'must be an object of tools by name' });
  const modelTools: LanguageModelFunctionTool[] = [];
  for (const [name, definition] of Object.entries(tools)) {
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(name)) {
      throw new InvalidArgumentError({ argument: `tools.${name}`, message: 'tool names must match [a-zA-Z0-9_-]{1,64}' });
    }
    if (!isPlainObject(definition)) throw new InvalidArgumentError({ argument: `tools.${name}`, message: 'must be a tool(...)' });
    if (definition.execute !== undefined && typeof definition.execute !== 'function') {
      throw new InvalidArgumentError({ argument: `tools.${name}.execute`, message: 'must be a function' });
    }
    const schema = asSchema(definition.inputSchema, `tools.${name}.inputSchema`);
    schemas.set(name, schema);
    modelTools.push({ type: 'function', name, description: definition.description, inputSchema: schema.jsonSchema });
  }
  return { tools: modelTools, toolChoice: prepareToolChoice(toolChoice, schemas), schemas };
}

function prepareToolChoice(choice: ToolChoice | undefined, schemas: Map<string, Schema>): LanguageModelToolChoice | undefined {
  if (choice === undefined) return undefined;
  if (choice === 'auto' || choice === 'none' || choice === 'required') return { type: choice };
  if (isPlainObject(choice) && choice.type === 'tool' && typeof choice.toolName === 'string') {
    if (!schemas.has(choice.toolName)) {
      throw new InvalidArgumentError({ argument: 'toolChoice.toolName', message: `"${choice.toolName}" is not one of the tools` });
    }
    return { type: 'tool', toolName: choice.toolName };
  }
  throw new InvalidArgumentError({ argument: 'toolChoice', message: "must be 'auto', 'none', 'required' or { type: 'tool', toolName }" });
}

/** A model's raw tool call. */
export interface RawToolCall {
  toolCallId: string;
  toolName: string;
  input: string;
}

/**
 * Checks a raw call: the tool must exist and its arguments must be JSON that
 * satisfies the schema. Failures come back as error results, not throws.
 */
export async function parseToolCall<TOOLS extends ToolSet>(
  call: RawToolCall,
  schemas: Map<string, Schema>,
): Promise<{ type: 'tool-call'; call: TypedToolCall<TOOLS> } | ToolErrorResult> {
  const schema = schemas.get(call.toolName);
  if (!schema) {
    return { type: 'tool-error', toolCallId: call.toolCallId, toolName: call.toolName, input: call.input, error: new NoSuchToolError({ toolName: call.toolName, availableTools: [...schemas.keys()] }) };
  }
  let raw: unknown;
  try {
    // Models send "" for a tool without parameters.
    raw = call.input.trim() === '' ? {} : parseJsonText(call.input);
  } catch (cause) {
    return { type: 'tool-error', toolCallId: call.toolCallId, toolName: call.toolName, input: call.input, error: new InvalidToolInputError({ toolName: call.toolName, toolInput: call.input, cause }) };
  }
  const validation = await schema.validate(raw);
  if (!validation.success) {
    return {
      type: 'tool-error',
      toolCallId: call.toolCallId,
      toolName: call.toolName,
      input: raw,
      error: new InvalidToolInputError({ toolName: call.toolName, toolInput: call.input, cause: validation.error }),
    };
  }
  return { type: 'tool-call', call: { type: 'tool-call', toolCallId: call.toolCallId, toolName: call.toolName, input: validation.value } as TypedToolCall<TOOLS> };
}

/** Runs a validated call's `execute`; a throw becomes a `ToolExecutionError` result. Calls without `execute` give undefined. */
export async function executeToolCall<TOOLS extends ToolSet>(
  call: TypedToolCall<TOOLS>,
  tools: TOOLS,
  options: { messages: ModelMessage[]; abortSignal: AbortSignal | undefined },
): Promise<TypedToolResult<TOOLS> | ToolErrorResult | undefined> {
  const execute = tools[call.toolName]?.execute;
  if (!execute) return undefined;
  try {
    const output = await execute(call.input, { toolCallId: call.toolCallId, messages: options.messages, abortSignal: options.abortSignal });
    return { type: 'tool-result', toolCallId: call.toolCallId, toolName: call.toolName, input: call.input, output } as TypedToolResult<TOOLS>;
  } catch (cause) {
    if (options.abortSignal?.aborted && cause === options.abortSignal.reason) throw cause;
    return {
      type: 'tool-error',
      toolCallId: call.toolCallId,
      toolName: call.toolName,
      input: call.input,
      error: new ToolExecutionError({ toolName: call.toolName, toolCallId: call.toolCallId, toolInput: call.input, cause }),
    };
  }
}

/** The assistant and tool messages one step adds to the conversation. */
export function stepMessages(step: {
  text: string;
  toolCalls: ReadonlyArray<{ toolCallId: string; toolName: string; input: unknown }>;
  toolResults: ReadonlyArray<{ toolCallId: string; toolName: string; output: unknown }>;
  toolErrors: readonly ToolErrorResult[];
}): ModelMessage[] {
  // A plain answer (most steps): one message, none of the arrays below.
  if (step.toolCalls.length === 0 && step.toolErrors.length === 0) return step.text ? [{ role: 'assistant', content: [{ type: 'text', text: step.text }] }] : [];
  const calls = [...step.toolCalls, ...step.toolErrors];
  const assistant: ModelMessage = {
    role: 'assistant',
    content: [
      ...(step.text ? [{ type: 'text' as const, text: step.text }] : []),
      ...calls.map((call) => ({ type: 'tool-call' as const, toolCallId: call.toolCallId, toolName: call.toolName, input: call.input })),
    ],
  };
  if (assistant.content.length === 0) return [];
  if (calls.length === 0) return [assistant];
  const results = [
    ...step.toolResults.map((result) => ({ type: 'tool-result' as const, toolCallId: result.toolCallId, toolName: result.toolName, output: result.output })),
    ...step.toolErrors.map((failure) => ({
      type: 'tool-result' as const,
      toolCallId: failure.toolCallId,
      toolName: failure.toolName,
      output: { error: failure.error.message },
      isError: true,
    })),
  ];
  return results.length > 0 ? [assistant, { role: 'tool', content: results }] : [assistant];
}
