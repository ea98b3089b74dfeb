import type {
  JSONSchema,
  LanguageModelFunctionTool,
  LanguageModelMessage,
  LanguageModelToolChoice,
} from './language-model-prompt.js';
import type { CallOptionsBase, ModelBase, ProviderMetadata, ResponseMetadata, Warning } from './shared.js';
import type { FinishReason, LanguageModelUsage } from './usage.js';

/**
 * The shape of the answer the caller wants. Core sets `json` for
 * `generateObject`/`streamObject`; what the model does with it depends on its
 * `capabilities.structuredOutput`.
 */
export type LanguageModelResponseFormat =
  | { type: 'text' }
  | {
      type: 'json';
      /** JSON Schema the answer must satisfy; absent for free-form JSON mode. */
      schema?: JSONSchema;
      /** A name for the schema (OpenAI requires `[a-zA-Z0-9_-]{1,64}`). */
      name?: string;
      /** What the object is, for the model. */
      description?: string;
    };

/**
 * Everything a language model needs for one call, already validated and
 * normalised by core.
 */
export interface LanguageModelCallOptions extends CallOptionsBase {
  /** The conversation, system messages included, in order. */
  prompt: LanguageModelMessage[];
  /** Upper bound on generated tokens. */
  maxOutputTokens?: number;
  /** Sampling temperature; the range is the provider's. */
  temperature?: number;
  /** Nucleus sampling. */
  topP?: number;
  /** Top-k sampling, where supported. */
  topK?: number;
  /** Presence penalty, where supported. */
  presencePenalty?: number;
  /** Frequency penalty, where supported. */
  frequencyPenalty?: number;
  /** Sequences that end generation. */
  stopSequences?: string[];
  /** Seed for best-effort deterministic sampling. */
  seed?: number;
  /** Text (default) or JSON output. */
  responseFormat?: LanguageModelResponseFormat;
  /** Tools the model may call. */
  tools?: LanguageModelFunctionTool[];
  /** How the model may use `tools`. */
  toolChoice?: LanguageModelToolChoice;
}

/** One piece of generated content. */
export type LanguageModelContent =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | {
      type: 'tool-call';
      /** The provider's id for the call. */
      toolCallId: string;
      /** The tool the model called. */
      toolName: string;
      /** The arguments exactly as the model produced them: a JSON string, not yet parsed or validated. */
      input: string;
    };

/** The result of `doGenerate`. */
export interface LanguageModelResult {
  /** Generated content in order: text, reasoning and tool calls. */
  content: LanguageModelContent[];
  /** Why generation stopped. */
  finishReason: FinishReason;
  /** Token counts. */
  usage: LanguageModelUsage;
  /** Settings the model ignored. */
  warnings: Warning[];
  /** What the provider said about the response. */
  response: ResponseMetadata & {
    /** The parsed response body, for debugging. */
    body?: unknown;
  };
  /** Provider-specific extras. */
  providerMetadata?: ProviderMetadata;
}

/**
 * What a model's stream yields. Errors from the provider travel inside the
 * stream as `error` parts so core can surface them; the stream then closes.
 */
export type LanguageModelStreamPart =
  | {
      type: 'stream-start';
      /** Settings the model ignored. */
      warnings: Warning[];
    }
  | ({ type: 'response-metadata' } & ResponseMetadata)
  | { type: 'text-delta'; /** The new text. */ text: string }
  | { type: 'reasoning-delta'; /** The new reasoning text. */ text: string }
  | {
      type: 'tool-input-delta';
      /** The call being assembled. */
      toolCallId: string;
      /** The tool's name. */
      toolName: string;
      /** A fragment of the JSON arguments. */
      delta: string;
    }
  | ({ type: 'tool-call' } & Extract<LanguageModelContent, { type: 'tool-call' }>)
  | {
      type: 'stream-end';
      /** Why generation stopped. */
      finishReason: FinishReason;
      /** Token counts (undefined fields when the provider sent none, e.g. the stream was cut). */
      usage: LanguageModelUsage;
      /** Provider-specific extras. */
      providerMetadata?: ProviderMetadata;
    }
  | { type: 'error'; /** What went wrong; usually an `AigcError`. */ error: unknown };

/** The result of `doStream`: the part stream plus what is known once headers arrived. */
export interface LanguageModelStreamResult {
  /** Parts in order; ends after `stream-end` or an `error` part. */
  stream: ReadableStream<LanguageModelStreamPart>;
  /** Response headers (the body is the stream). */
  response?: { headers?: Record<string, string> };
}

/**
 * A text-generating model (ChatGPT, ERNIE, …). Core owns validation, retries,
 * timeouts and result shaping; the model only maps to and from its wire format.
 */
export interface LanguageModel extends ModelBase {
  /** What the model can do, so core can choose how to ask for structured output and tools. */
  readonly capabilities: {
    /** `native`: send the JSON Schema; `json`: JSON mode plus the schema in the prompt; `none`: prompt only. */
    structuredOutput: 'native' | 'json' | 'none';
    /** Whether function tools can be sent. */
    tools: boolean;
    /** Whether user messages may carry images. */
    imageInput: boolean;
  };
  /**
   * Generates a complete response. The `do` prefix marks a method core calls,
   * not users: calling it directly skips validation, retries and timeouts.
   */
  doGenerate(options: LanguageModelCallOptions): Promise<LanguageModelResult>;
  /**
   * Starts a streaming response. Resolves once the response headers arrived
   * (so HTTP errors before the first byte reject here and can be retried).
   */
  doStream(options: LanguageModelCallOptions): Promise<LanguageModelStreamResult>;
}
