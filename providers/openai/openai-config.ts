import type { FetchFunction } from '../../src/http/index.js';
import type { ProviderMetadata } from '../../src/provider/index.js';

/** What every OpenAI-wire model of one provider instance shares. Built once per instance. */
export interface OpenAIConfig {
  /** Provider name for errors and metadata, e.g. `openai.chat`, `azure.chat`, `deepseek.chat`. */
  provider: string;
  /** The full URL for an API path (`/chat/completions`) and model id. */
  url(options: { path: string; modelId: string }): string;
  /** Request headers, credentials included; read per request so keys and tokens can rotate. */
  headers(): Record<string, string | undefined> | Promise<Record<string, string | undefined>>;
  /** Injected fetch. */
  fetch?: FetchFunction;
  /** Where the token limit goes: OpenAI's `max_completion_tokens`, or `max_tokens` for servers that only know that. */
  maxTokensField?: 'max_completion_tokens' | 'max_tokens';
  /** Cap on a response body in bytes, and on one event of a stream (default `DEFAULT_MAX_RESPONSE_BYTES`, 64 MiB). */
  maxResponseBytes?: number;
  /** Whether `response_format: json_schema` is supported (else JSON mode plus the schema in the prompt). */
  structuredOutputs?: boolean;
  /** Whether the server sends `stream_options.include_usage` usage chunks. */
  streamUsage?: boolean;
  /** Whether the model id is sent in the body (Azure deployment URLs carry it in the path, but accept it anyway). */
  omitModel?: boolean;
  /** Reads provider-specific response fields (Azure's content-filter results) into `providerMetadata`. */
  extractMetadata?: OpenAIMetadataExtractor;
}

/**
 * Turns fields the OpenAI mapping does not know into `providerMetadata`, so
 * OpenAI-wire providers can surface their extras without a model of their own.
 */
export interface OpenAIMetadataExtractor {
  /** Metadata from a whole `chat.completion` body. */
  fromResponse(body: Record<string, unknown>): ProviderMetadata | undefined;
  /** A collector for one stream: sees every chunk, including those without choices, and builds the metadata at the end. */
  fromStream(): {
    /** Sees one parsed chunk. */
    chunk(chunk: Record<string, unknown>): void;
    /** The metadata of the whole stream, once it ended. */
    build(): ProviderMetadata | undefined;
  };
}
