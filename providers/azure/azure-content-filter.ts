import { asNumber, isRecord } from '../../src/http/index.js';
import type { ProviderMetadata } from '../../src/provider/index.js';
import type { OpenAIMetadataExtractor } from '../openai/openai-config.js';

/** One prompt's content-filter verdicts, as Azure reports them. */
export interface AzurePromptFilterResult {
  /** Which prompt of the request (0 for chat). */
  promptIndex: number | undefined;
  /** Verdict per category: `hate`, `self_harm`, `sexual`, `violence`, `jailbreak`, … as sent (`{ filtered, severity | detected }`). */
  contentFilterResults: Record<string, unknown>;
}

/** What `providerMetadata.azure` holds for a chat call. */
export interface AzureChatMetadata {
  /** The verdicts on the prompt. */
  promptFilterResults?: AzurePromptFilterResult[];
  /** The verdicts on the completion; in a stream, the annotations of every chunk merged. */
  contentFilterResults?: Record<string, unknown>;
  /** Categories whose filter fired, on prompt or completion (e.g. `['violence']`). */
  filteredCategories?: string[];
}

/**
 * Reads Azure's content-filter annotations (`prompt_filter_results` and
 * `choices[].content_filter_results`) into `providerMetadata.azure`. A stream
 * opens with a chunk that carries only the prompt verdicts, and with
 * asynchronous filtering the completion verdicts arrive in chunks of their own.
 */
export const azureContentFilterExtractor: OpenAIMetadataExtractor = {
  fromResponse(body) {
    const state = createState();
    collect(state, body);
    return build(state);
  },
  fromStream() {
    const state = createState();
    return { chunk: (chunk) => collect(state, chunk), build: () => build(state) };
  },
};

interface State {
  prompt: AzurePromptFilterResult[];
  completion: Record<string, unknown> | undefined;
}

const createState = (): State => ({ prompt: [], completion: undefined });

function collect(state: State, body: Record<string, unknown>): void {
  // API versions before 2023-10 called the prompt verdicts `prompt_annotations`.
  const prompt = body.prompt_filter_results ?? body.prompt_annotations;
  if (Array.isArray(prompt)) {
    for (const item of prompt) {
      if (!isRecord(item) || !isRecord(item.content_filter_results)) continue;
      state.prompt.push({ promptIndex: asNumber(item.prompt_index), contentFilterResults: item.content_filter_results });
    }
  }
  const choice = Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (isRecord(choice) && isRecord(choice.content_filter_results) && Object.keys(choice.content_filter_results).length > 0) {
    // Server JSON: entries are defined (a `__proto__` key stays a key), and no spread-then-add (source-rules.test.ts).
    state.completion = Object.fromEntries([...Object.entries(state.completion ?? {}), ...Object.entries(choice.content_filter_results)]);
  }
}

function build(state: State): ProviderMetadata | undefined {
  if (state.prompt.length === 0 && !state.completion) return undefined;
  const azure: AzureChatMetadata = {};
  if (state.prompt.length > 0) azure.promptFilterResults = state.prompt;
  if (state.completion) azure.contentFilterResults = state.completion;
  const fired = new Set<string>();
  for (const results of [...state.prompt.map((item) => item.contentFilterResults), state.completion ?? {}]) {
    for (const [category, verdict] of Object.entries(results)) {
      if (isRecord(verdict) && verdict.filtered === true) fired.add(category);
    }
  }
  if (fired.size > 0) azure.filteredCategories = [...fired];
  return { azure: azure as Record<string, unknown> };
}
