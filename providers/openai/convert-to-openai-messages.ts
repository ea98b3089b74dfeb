import type { FilePart, LanguageModelMessage } from '../../src/provider/index.js';
import { uint8ArrayToBase64 } from '../../src/util/base64.js';

/** A Chat Completions message as it goes on the wire. */
export type OpenAIChatMessage = Record<string, unknown> & { role: string };

/**
 * Converts normalised messages to Chat Completions messages. Reasoning
 * models take `developer` instead of `system`; images become `image_url`
 * parts with a URL or a data URL; tool outputs are sent as JSON text.
 */
export function convertToOpenAIMessages(prompt: LanguageModelMessage[], options: { systemRole?: 'system' | 'developer' } = {}): OpenAIChatMessage[] {
  const messages: OpenAIChatMessage[] = [];
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        messages.push({ role: options.systemRole ?? 'system', content: message.content });
        break;
      case 'user':
        if (message.content.length === 1 && message.content[0]!.type === 'text') {
          messages.push({ role: 'user', content: message.content[0]!.text });
          break;
        }
        messages.push({
          role: 'user',
          content: message.content.map((part) => (part.type === 'text' ? { type: 'text', text: part.text } : imagePart(part))),
        });
        break;
      case 'assistant': {
        let text = '';
        const toolCalls: unknown[] = [];
        for (const part of message.content) {
          if (part.type === 'text') text += part.text;
          else if (part.type === 'tool-call') {
            toolCalls.push({
              id: part.toolCallId,
              type: 'function',
              function: { name: part.toolName, arguments: typeof part.input === 'string' ? part.input : JSON.stringify(part.input) },
            });
          }
        }
        messages.push({ role: 'assistant', content: text || (toolCalls.length > 0 ? null : ''), ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) });
        break;
      }
      case 'tool':
        for (const part of message.content) {
          messages.push({
            role: 'tool',
            tool_call_id: part.toolCallId,
            content: typeof part.output === 'string' ? part.output : JSON.stringify(part.output ?? null),
          });
        }
        break;
    }
  }
  return messages;
}

function imagePart(part: FilePart): Record<string, unknown> {
  const mediaType = part.mediaType === 'image/*' ? 'image/jpeg' : part.mediaType;
  const url =
    part.data instanceof URL
      ? part.data.toString()
      : `data:${mediaType};base64,${part.data instanceof Uint8Array ? uint8ArrayToBase64(part.data) : part.data}`;
  return { type: 'image_url', image_url: { url } };
}
