import type { FinishReason } from '../../src/provider/index.js';

/** Maps ERNIE's `finish_reason`; Baidu's `normal` is an ordinary stop. */
export function mapBaiduFinishReason(reason: unknown): FinishReason {
  switch (reason) {
    case 'normal':
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    case 'function_call':
    case 'tool_calls':
      return 'tool-calls';
    case null:
    case undefined:
      return 'unknown';
    default:
      return 'other';
  }
}
