/**
 * The Standard Schema and Standard JSON Schema interfaces
 * (https://standardschema.dev), declared here so core validates and converts
 * schemas without importing any schema library. zod 4 implements both.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The standard properties. */
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

/** Types of the Standard Schema spec. */
export declare namespace StandardSchemaV1 {
  /** What a conforming schema exposes under `~standard`. */
  export interface Props<Input = unknown, Output = Input> {
    /** Spec version. */
    readonly version: 1;
    /** The library, e.g. `zod`. */
    readonly vendor: string;
    /** Validates a value. */
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    /** Type carriers, never set at run time. */
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
    /** Standard JSON Schema conversion, when the library implements it. */
    readonly jsonSchema?: {
      /** The JSON Schema of the validated output, for a target draft such as `draft-2020-12`. */
      readonly output: (options: { readonly target: string }) => Record<string, unknown>;
      /** The JSON Schema of the accepted input, when it differs from the output. */
      readonly input?: (options: { readonly target: string }) => Record<string, unknown>;
    };
  }
  /** A validation result. */
  export type Result<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: ReadonlyArray<Issue> };
  /** One validation problem. */
  export interface Issue {
    /** What is wrong. */
    readonly message: string;
    /** Where. */
    readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
  }
  /** The validated output type of a schema. */
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
  /** The input type of a schema. */
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];
}
