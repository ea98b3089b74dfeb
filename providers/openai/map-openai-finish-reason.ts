import type { FinishReason } from '../../src/provider/index.js';

/** Maps OpenAI's `finish_reason` (and the same field of compatible servers) onto aigc's set. */
export function mapOpenAIFinishReason(reason: unknown): FinishReason {
  switch (reason) {
    case 'stop':
    // Baidu Qianfan's OpenAI-compatible API reports an ordinary end as `normal`.
    case 'normal':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case null:
    case undefined:
      return 'unknown';
    default:
      return 'other';
  }
}
