import { UnsupportedFunctionalityError } from '../../src/errors/unsupported-functionality-error.js';
import type { LanguageModelMessage, ToolCallPart } from '../../src/provider/index.js';

/** A v1 wenxinworkshop message as it goes on the wire. */
export type BaiduMessage = { role: 'user' | 'assistant' | 'function'; content: string; name?: string; function_call?: { name: string; arguments: string } };

/**
 * Converts normalised messages to the v1 shape: system messages move to the
 * separate `system` field, and consecutive messages of one role are merged,
 * because v1 wants user and assistant turns to alternate (an even count is
 * error 336003). Tool results become `function` messages. v1 has one
 * `function_call` per assistant turn, so a turn with several calls (from
 * another model's history) is replayed as call, result, call, result.
 */
export function convertToBaiduMessages(prompt: LanguageModelMessage[], provider: string): { system: string | undefined; messages: BaiduMessage[] } {
  const system: string[] = [];
  const messages: BaiduMessage[] = [];
  let laterCalls: ToolCallPart[] = [];
  const push = (message: BaiduMessage) => {
    const last = messages.at(-1);
    if (last && last.role === message.role && message.role !== 'function' && !last.function_call && !message.function_call) {
      last.content = `${last.content}\n\n${message.content}`;
    } else messages.push(message);
  };
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        system.push(message.content);
        break;
      case 'user': {
        if (message.content.some((part) => part.type === 'file')) {
          throw new UnsupportedFunctionalityError({ functionality: 'image input', provider: `${provider} (v1 API; use the Qianfan v2 API for vision models)` });
        }
        push({ role: 'user', content: message.content.map((part) => (part.type === 'text' ? part.text : '')).join('') });
        break;
      }
      case 'assistant': {
        const text = message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
        const [call, ...rest] = message.content.filter((part): part is ToolCallPart => part.type === 'tool-call');
        laterCalls = rest;
        push({ role: 'assistant', content: text, ...(call ? { function_call: functionCall(call) } : {}) });
        break;
      }
      case 'tool':
        for (const part of message.content) {
          const call = laterCalls.find((candidate) => candidate.toolCallId === part.toolCallId);
          if (call) push({ role: 'assistant', content: '', function_call: functionCall(call) });
          push({ role: 'function', name: part.toolName, content: typeof part.output === 'string' ? part.output : JSON.stringify(part.output ?? null) });
        }
        laterCalls = [];
        break;
    }
  }
  return { system: system.length > 0 ? system.join('\n\n') : undefined, messages };
}

function functionCall(call: ToolCallPart): { name: string; arguments: string } {
  return { name: call.toolName, arguments: typeof call.input === 'string' ? call.input : JSON.stringify(call.input) };
}
