import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { FilePart, LanguageModelMessage, TextPart } from '../provider/index.js';
import { uint8ArrayToBase64 } from '../util/base64.js';
import { detectMediaType } from '../util/detect-media-type.js';
import type { DataContent, ModelMessage, PromptOptions } from './model-message.js';

/**
 * Validates `system`/`prompt`/`messages` and normalises them into the
 * message list models receive. Every problem is an `InvalidArgumentError`
 * naming the exact field (`messages[2].content[0].image`).
 */
export function standardizePrompt(options: PromptOptions): LanguageModelMessage[] {
  const { system, prompt, messages } = options;
  if (system !== undefined && typeof system !== 'string') {
    throw new InvalidArgumentError({ argument: 'system', message: 'must be a string' });
  }
  if (prompt !== undefined && messages !== undefined) {
    throw new InvalidArgumentError({ argument: 'prompt', message: 'pass either `prompt` or `messages`, not both' });
  }
  if (messages === undefined) {
    if (typeof prompt !== 'string' || prompt.trim() === '') {
      throw new InvalidArgumentError({ argument: 'prompt', message: 'must be a non-empty string (or pass `messages`)' });
    }
    // Literals, not pushes: an array grown by push reserves room for 17 items.
    const user: LanguageModelMessage = { role: 'user', content: [{ type: 'text', text: prompt }] };
    return system ? [{ role: 'system', content: system }, user] : [user];
  }
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new InvalidArgumentError({ argument: 'messages', message: 'must be a non-empty array of messages' });
  }
  const result: LanguageModelMessage[] = [];
  if (system) result.push({ role: 'system', content: system });
  for (let index = 0; index < messages.length; index++) result.push(standardizeMessage(messages[index]!, `messages[${index}]`));
  return result;
}

function standardizeMessage(message: ModelMessage, path: string): LanguageModelMessage {
  if (typeof message !== 'object' || message === null) {
    throw new InvalidArgumentError({ argument: path, message: 'must be a message object' });
  }
  const content = (message as { content: unknown }).content;
  switch (message.role) {
    case 'system':
      if (typeof content !== 'string') throw new InvalidArgumentError({ argument: `${path}.content`, message: 'must be a string' });
      return { role: 'system', content };
    case 'user':
      return { role: 'user', content: toParts(content, `${path}.content`).map((part, index) => userPart(part, `${path}.content[${index}]`)) };
    case 'assistant':
      return {
        role: 'assistant',
        content: toParts(content, `${path}.content`).map((part, index) => assistantPart(part, `${path}.content[${index}]`)),
      };
    case 'tool': {
      if (!Array.isArray(content)) throw new InvalidArgumentError({ argument: `${path}.content`, message: 'must be an array of tool results' });
      content.forEach((part, index) => {
        if (part?.type !== 'tool-result' || typeof part.toolCallId !== 'string' || typeof part.toolName !== 'string') {
          throw new InvalidArgumentError({
            argument: `${path}.content[${index}]`,
            message: 'must be { type: "tool-result", toolCallId, toolName, output }',
          });
        }
      });
      return { role: 'tool', content };
    }
    default:
      throw new InvalidArgumentError({
        argument: `${path}.role`,
        message: `must be system, user, assistant or tool (got ${JSON.stringify((message as { role: unknown }).role)})`,
      });
  }
}

function toParts(content: unknown, path: string): Array<{ type: string; [key: string]: unknown }> {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content) || content.length === 0) {
    throw new InvalidArgumentError({ argument: path, message: 'must be a string or a non-empty array of parts' });
  }
  content.forEach((part, index) => {
    if (typeof part !== 'object' || part === null || typeof part.type !== 'string') {
      throw new InvalidArgumentError({ argument: `${path}[${index}]`, message: 'must be a part object with a `type`' });
    }
  });
  return content;
}

function textPart(part: Record<string, unknown>, path: string): TextPart {
  if (typeof part.text !== 'string') throw new InvalidArgumentError({ argument: `${path}.text`, message: 'must be a string' });
  return { type: 'text', text: part.text };
}

function userPart(part: { type: string; [key: string]: unknown }, path: string): TextPart | FilePart {
  if (part.type === 'text') return textPart(part, path);
  if (part.type === 'image') return filePart(part.image, part.mediaType, `${path}.image`, 'image/*');
  if (part.type === 'file') {
    if (typeof part.mediaType !== 'string') throw new InvalidArgumentError({ argument: `${path}.mediaType`, message: 'is required for file parts' });
    return filePart(part.data, part.mediaType, `${path}.data`, part.mediaType);
  }
  throw new InvalidArgumentError({ argument: `${path}.type`, message: `user parts are text, image or file (got "${part.type}")` });
}

function assistantPart(part: { type: string; [key: string]: unknown }, path: string) {
  if (part.type === 'text') return textPart(part, path);
  if (part.type === 'reasoning') return { type: 'reasoning' as const, text: textPart(part, path).text };
  if (part.type === 'tool-call') {
    if (typeof part.toolCallId !== 'string' || typeof part.toolName !== 'string') {
      throw new InvalidArgumentError({ argument: path, message: 'tool-call parts need a string toolCallId and toolName' });
    }
    return { type: 'tool-call' as const, toolCallId: part.toolCallId, toolName: part.toolName, input: part.input };
  }
  throw new InvalidArgumentError({ argument: `${path}.type`, message: `assistant parts are text, reasoning or tool-call (got "${part.type}")` });
}

function filePart(data: unknown, mediaType: unknown, path: string, fallbackType: string): FilePart {
  if (mediaType !== undefined && typeof mediaType !== 'string') {
    throw new InvalidArgumentError({ argument: path.replace(/\.\w+$/, '.mediaType'), message: 'must be a string' });
  }
  const resolved = resolveData(data, path);
  const type = (mediaType as string | undefined) ?? resolved.mediaType
    ?? (resolved.data instanceof Uint8Array ? detectMediaType(resolved.data) : undefined) ?? fallbackType;
  return { type: 'file', data: resolved.data, mediaType: type };
}

/** Resolves image/file data: bytes stay bytes, a data URL becomes base64 + its type, an http(s) string becomes a URL. */
export function resolveData(data: unknown, path: string): { data: Uint8Array | URL | string; mediaType?: string } {
  if (data instanceof URL) return { data };
  if (data instanceof Uint8Array) {
    if (data.byteLength === 0) throw new InvalidArgumentError({ argument: path, message: 'must not be empty' });
    return { data };
  }
  if (data instanceof ArrayBuffer) return resolveData(new Uint8Array(data), path);
  if (typeof data === 'string' && data !== '') {
    const dataUrl = /^data:([^;,]+)?(;base64)?,/i.exec(data);
    if (dataUrl) {
      if (!dataUrl[2]) throw new InvalidArgumentError({ argument: path, message: 'data URLs must be base64-encoded' });
      return { data: data.slice(dataUrl[0].length), mediaType: dataUrl[1] };
    }
    if (/^https?:\/\//i.test(data)) return { data: new URL(data) };
    if (!/^[A-Za-z0-9+/\-_\s]+={0,2}$/.test(data)) {
      throw new InvalidArgumentError({ argument: path, message: 'must be bytes, a URL, a data URL or base64' });
    }
    return { data };
  }
  throw new InvalidArgumentError({ argument: path, message: 'must be a Uint8Array, ArrayBuffer, URL, data URL or base64 string' });
}

/** Base64 of bytes or pass-through of a base64 string. */
export function toBase64(data: DataContent): string {
  if (typeof data === 'string') return data;
  return uint8ArrayToBase64(data instanceof Uint8Array ? data : new Uint8Array(data));
}
