/**
 * Per-model settings of the OpenAI media models, for providers whose model id
 * is not an OpenAI model name (an Azure deployment called `pictures` may run
 * `dall-e-3`).
 */
export interface OpenAIMediaModelSettings {
  /**
   * The OpenAI model behind the id, e.g. `dall-e-3`, `tts-1` or `whisper-1`.
   * It picks the wire details that differ per model (sizes, response format,
   * images per call, instructions, segments). Defaults to the model id.
   */
  baseModel?: string;
}
