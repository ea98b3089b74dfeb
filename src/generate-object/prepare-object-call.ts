import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NoObjectGeneratedError } from '../errors/no-object-generated-error.js';
import { prepareTextCall, type PreparedTextCall, type TextCallOptions } from '../generate-text/prepare-text-call.js';
import type { FinishReason, JSONSchema, LanguageModelMessage, LanguageModelUsage, ResponseMetadata } from '../provider/index.js';
import { asSchema, type FlexibleSchema, type Schema } from '../schema/as-schema.js';
import { parseJsonText } from '../schema/parse-json-text.js';

/** Options of `generateObject` and `streamObject`. */
export interface ObjectCallOptions<SCHEMA extends FlexibleSchema> extends TextCallOptions {
  /** The zod 4 schema (or Standard JSON Schema, or `jsonSchema(...)`) of the object. */
  schema: SCHEMA;
  /** A name for the schema, sent to models that take one (`[a-zA-Z0-9_-]{1,64}`). */
  schemaName?: string;
  /** What the object is, for the model. */
  schemaDescription?: string;
}

/** A validated object call. */
export interface PreparedObjectCall<T> extends PreparedTextCall {
  /** The schema, for validating the answer. */
  schema: Schema<T>;
  /** True when a non-object root was wrapped in `{ value }` for the wire. */
  wrapped: boolean;
}

/**
 * Prepares a structured-output call from the model's capability: `native`
 * models get the JSON Schema as the response format; `json` models get JSON
 * mode plus the schema in the system prompt; `none` models only the prompt.
 */
export function prepareObjectCall<T>(options: ObjectCallOptions<FlexibleSchema<T>>): PreparedObjectCall<T> {
  const call = prepareTextCall(options);
  const schema = asSchema(options.schema);
  const { schemaName = 'response', schemaDescription } = options;
  if (typeof schemaName !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(schemaName)) {
    throw new InvalidArgumentError({ argument: 'schemaName', message: 'must match [a-zA-Z0-9_-]{1,64}', value: schemaName });
  }
  // Providers' JSON modes require an object at the root; other roots travel as { value }.
  const wrapped = schema.jsonSchema.type !== 'object';
  const { $schema: _ignored, ...root } = schema.jsonSchema;
  const wireSchema: JSONSchema = wrapped
    ? { type: 'object', properties: { value: root }, required: ['value'], additionalProperties: false }
    : root;
  const mode = call.model.capabilities.structuredOutput;
  // prepareTextCall's options are this call's own: extended in place.
  const callOptions = call.callOptions;
  if (mode === 'native') {
    callOptions.responseFormat = { type: 'json', schema: wireSchema, name: schemaName, description: schemaDescription };
  } else {
    callOptions.responseFormat = mode === 'json' ? { type: 'json' } : undefined;
    callOptions.prompt = withSchemaInstruction(callOptions.prompt, wireSchema, schemaDescription);
  }
  return Object.assign(call, { schema, wrapped });
}

function withSchemaInstruction(prompt: LanguageModelMessage[], schema: JSONSchema, description: string | undefined): LanguageModelMessage[] {
  const instruction =
    (description ? `${description}\n` : '') +
    `Respond only with a JSON object that satisfies this JSON Schema, with no other text:\n${JSON.stringify(schema)}`;
  const first = prompt[0];
  if (first?.role === 'system') return [{ role: 'system', content: `${first.content}\n\n${instruction}` }, ...prompt.slice(1)];
  return [{ role: 'system', content: instruction }, ...prompt];
}

/** Parses and validates the model's final text, or throws `NoObjectGeneratedError` carrying the raw text. */
export async function parseObject<T>(
  text: string,
  call: PreparedObjectCall<T>,
  context: { usage: LanguageModelUsage; finishReason: FinishReason; response: ResponseMetadata },
): Promise<T> {
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (cause) {
    throw new NoObjectGeneratedError({ message: 'No object generated: the response is not valid JSON.', text, cause, ...context });
  }
  if (call.wrapped) value = (value as { value?: unknown } | null)?.value;
  const result = await call.schema.validate(value);
  if (!result.success) {
    throw new NoObjectGeneratedError({ message: `No object generated: ${result.error.message}`, text, cause: result.error, ...context });
  }
  return result.value;
}
