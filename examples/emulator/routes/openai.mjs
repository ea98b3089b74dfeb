// OpenAI wire format (WIRE.md §1): Chat Completions, JSON and SSE.
import { chunks, fixture, sendJson, sendSse } from '../fixtures.mjs';

function unauthorized(context) {
  const auth = context.request.headers.authorization ?? '';
  if (auth.startsWith('Bearer ') && auth.length > 'Bearer '.length) return false;
  sendJson(context.response, 401, fixture('openai', 'error-401'));
  return true;
}

/** Picks the fixture that fits the request: tool call, answer after tools, object, or plain text. */
function chatFixture(body) {
  const last = body.messages?.at(-1);
  if (last?.role === 'tool') return 'chat-after-tools';
  if (body.tools?.length) return 'chat-tool-call';
  if (body.response_format?.type === 'json_schema' || body.response_format?.type === 'json_object') return 'chat-object';
  return body.stream ? 'chat-chinese' : 'chat-basic';
}

export const routes = [
  {
    method: 'POST',
    match: (path) => path.endsWith('/chat/completions'),
    async handle(context) {
      if (unauthorized(context)) return;
      const body = context.json();
      const name = chatFixture(body);
      if (body.stream) return sendSse(context.response, chunks('openai', name), { headers: { 'x-request-id': 'req_emulator' } });
      const completion = { ...fixture('openai', name), model: body.model ?? 'gpt-4o-mini' };
      return sendJson(context.response, 200, completion, { 'x-request-id': 'req_emulator' });
    },
  },
];
