import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { JSONSchema } from '../provider/index.js';
import { SchemaValidationError } from './schema-validation-error.js';
import type { StandardSchemaV1 } from './standard-schema.js';

const schemaMarker = Symbol.for('aigc.schema');

/** A schema core can both send (as JSON Schema) and check values against. */
export interface Schema<T = unknown> {
  /** Marks schemas built by {@link jsonSchema}. */
  readonly [schemaMarker]: true;
  /** Types only. */
  readonly _type?: T;
  /** The JSON Schema to send to the model. */
  readonly jsonSchema: JSONSchema;
  /** Validates a value; `success: false` carries the error. */
  validate(value: unknown): Promise<{ success: true; value: T } | { success: false; error: Error }>;
}

/** Anything accepted where a schema is expected: a zod 4 (or other Standard JSON Schema) schema, or {@link jsonSchema}. */
export type FlexibleSchema<T = unknown> = StandardSchemaV1<unknown, T> | Schema<T>;

/** The validated type of a {@link FlexibleSchema}. */
export type InferSchema<S> = S extends Schema<infer T> ? T : S extends StandardSchemaV1<unknown, infer O> ? O : never;

/**
 * Wraps a plain JSON Schema (with an optional validator) for libraries that
 * do not implement Standard JSON Schema.
 *
 * @example
 * const schema = jsonSchema<{ city: string }>({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
 */
export function jsonSchema<T = unknown>(
  schema: JSONSchema,
  options: { validate?: (value: unknown) => { success: true; value: T } | { success: false; error: Error } } = {},
): Schema<T> {
  return {
    [schemaMarker]: true,
    jsonSchema: schema,
    async validate(value) {
      return options.validate ? options.validate(value) : { success: true, value: value as T };
    },
  };
}

/**
 * Normalises a schema argument. zod 4 schemas are converted with their
 * Standard JSON Schema converter (the same output as `z.toJSONSchema`), so
 * core never imports zod itself.
 */
export function asSchema<T>(schema: FlexibleSchema<T>, argument = 'schema'): Schema<T> {
  if (typeof schema === 'object' && schema !== null && schemaMarker in schema) return schema;
  const standard = (schema as StandardSchemaV1<unknown, T> | undefined)?.['~standard'];
  if (!standard || typeof standard.validate !== 'function') {
    throw new InvalidArgumentError({ argument, message: 'expected a zod 4 schema, a Standard Schema, or jsonSchema(...)' });
  }
  if (!standard.jsonSchema) {
    throw new InvalidArgumentError({
      argument,
      message: `${standard.vendor} schemas do not implement Standard JSON Schema; wrap a JSON Schema with jsonSchema(...)`,
    });
  }
  let converted: JSONSchema;
  try {
    converted = standard.jsonSchema.output({ target: 'draft-2020-12' });
  } catch (error) {
    throw new InvalidArgumentError({
      argument,
      message: `cannot be converted to JSON Schema (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  return {
    [schemaMarker]: true,
    jsonSchema: converted,
    async validate(value) {
      const result = await standard.validate(value);
      return result.issues ? { success: false, error: new SchemaValidationError(result.issues) } : { success: true, value: result.value };
    },
  };
}
