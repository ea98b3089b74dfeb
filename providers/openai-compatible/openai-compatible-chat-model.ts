import type { LanguageModel, LanguageModelCallOptions, LanguageModelResult, LanguageModelStreamPart, LanguageModelStreamResult, Warning } from '../../src/provider/index.js';
import { OpenAIChatLanguageModel } from '../openai/openai-chat-model.js';
import type { OpenAIConfig } from '../openai/openai-config.js';

/** Sampling settings a compatible server may accept without error and then ignore. */
export type OpenAICompatibleIgnoredSetting = 'temperature' | 'topP' | 'presencePenalty' | 'frequencyPenalty';

/**
 * The OpenAI chat model for a server whose models differ from OpenAI's: some
 * silently ignore settings (DeepSeek's reasoner takes `temperature` without
 * error and does not apply it), so those are left off the wire and reported
 * as warnings; some take no images, so core rejects image parts up front.
 */
export class OpenAICompatibleChatLanguageModel extends OpenAIChatLanguageModel {
  // `declare`: no field of its own, so the parent's value is still there to copy in the constructor.
  declare readonly capabilities: LanguageModel['capabilities'];
  private readonly ignoredSettings: readonly OpenAICompatibleIgnoredSetting[];

  /** Built by a provider factory; not called by users. */
  constructor(modelId: string, config: OpenAIConfig, quirks: { ignoredSettings: readonly OpenAICompatibleIgnoredSetting[]; imageInput: boolean }) {
    super(modelId, config);
    this.ignoredSettings = quirks.ignoredSettings;
    this.capabilities = Object.assign({}, this.capabilities, { imageInput: quirks.imageInput });
  }

  override async doGenerate(options: LanguageModelCallOptions): Promise<LanguageModelResult> {
    const { sent, warnings } = this.strip(options);
    const result = await super.doGenerate(sent);
    if (warnings.length > 0) result.warnings = [...warnings, ...result.warnings];
    return result;
  }

  override async doStream(options: LanguageModelCallOptions): Promise<LanguageModelStreamResult> {
    const { sent, warnings } = this.strip(options);
    const result = await super.doStream(sent);
    if (warnings.length === 0) return result;
    const addWarnings = new TransformStream<LanguageModelStreamPart, LanguageModelStreamPart>({
      transform(part, controller) {
        controller.enqueue(part.type === 'stream-start' ? Object.assign({}, part, { warnings: [...warnings, ...part.warnings] }) : part);
      },
    });
    result.stream = result.stream.pipeThrough(addWarnings);
    return result;
  }

  private strip(options: LanguageModelCallOptions): { sent: LanguageModelCallOptions; warnings: Warning[] } {
    // Copied only when a setting must go: most calls send the options as they are.
    let sent = options;
    const warnings: Warning[] = [];
    for (const setting of this.ignoredSettings) {
      if (sent[setting] === undefined) continue;
      if (sent === options) sent = Object.assign({}, options);
      delete sent[setting];
      warnings.push({ type: 'unsupported-setting', setting, details: `${this.modelId} ignores ${setting}` });
    }
    return { sent, warnings };
  }
}
