export { asSchema, jsonSchema, type FlexibleSchema, type InferSchema, type Schema } from './as-schema.js';
export { parseJsonText } from './parse-json-text.js';
export { parsePartialJson, type PartialJsonResult } from './parse-partial-json.js';
export { SchemaValidationError } from './schema-validation-error.js';
export type { StandardSchemaV1 } from './standard-schema.js';
