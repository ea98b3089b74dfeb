/**
 * Options passed through to one provider, keyed by the provider's id
 * (`{ openai: { user: 'u-1' } }`). Each provider validates its own entry.
 */
export type ProviderOptions = Record<string, Record<string, unknown> | undefined>;

/**
 * Provider-specific data returned with a result, keyed by the provider's id
 * (for example the seeds AUTOMATIC1111 used, or OpenAI's system fingerprint).
 */
export type ProviderMetadata = Record<string, Record<string, unknown>>;

/**
 * A setting the model ignored or changed. Models report these instead of
 * silently dropping an option, so callers can see what really reached the wire.
 */
export type Warning =
  | {
      /** A call setting the model does not support; it was not sent. */
      type: 'unsupported-setting';
      /** The name of the setting as the caller spelled it (e.g. `seed`). */
      setting: string;
      /** Why, or what was done instead. */
      details?: string;
    }
  | {
      /** Anything else worth knowing about the call. */
      type: 'other';
      /** A human-readable explanation. */
      message: string;
    };

/**
 * What a model reports about the HTTP response it translated.
 */
export interface ResponseMetadata {
  /** The provider's id for the response (e.g. `chatcmpl-123`), when it gives one. */
  id?: string;
  /** The model that answered, as the provider names it (may be a dated snapshot). */
  modelId?: string;
  /** When the provider says the response was created, else when it arrived. */
  timestamp?: Date;
  /** The HTTP response headers, lower-cased. */
  headers?: Record<string, string>;
}

/**
 * Settings every model call accepts, whatever its modality.
 */
export interface CallOptionsBase {
  /** Aborts the HTTP request; core combines the caller's signal with its timeout. */
  abortSignal?: AbortSignal;
  /** Extra HTTP headers for this call, merged over the provider's own. */
  headers?: Record<string, string | undefined>;
  /** Per-provider options, keyed by provider id; a provider reads only its own key. */
  providerOptions?: ProviderOptions;
}

/**
 * The identity every model object carries.
 */
export interface ModelBase {
  /** The version of this interface the model implements; lets core reject models written against a future spec. */
  readonly specificationVersion: 'v1';
  /** The provider and modality, e.g. `openai.chat` or `baidu.image`; used in errors and metadata. */
  readonly provider: string;
  /** The model id as the provider spells it, e.g. `gpt-4o-mini`. */
  readonly modelId: string;
}
