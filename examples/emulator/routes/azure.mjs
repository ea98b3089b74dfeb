// Azure OpenAI wire format (WIRE.md §2): the v1 API (`/openai/v1/chat/completions`,
// deployment in the body) and deployment URLs (`/openai/deployments/{id}/chat/completions?api-version=…`),
// with `api-key` or Entra ID bearer auth and content-filter annotations on every answer.
import { chunks, fixture, sendJson, sendSse } from '../fixtures.mjs';
import { routes as openaiMediaRoutes } from './openai-media.mjs';

const V1 = /^\/openai\/v1\/chat\/completions$/;
const DEPLOYMENT = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/;
const MEDIA = /^\/openai\/(?:v1|deployments\/([^/]+))\/(images\/generations|audio\/speech|audio\/transcriptions)$/;

/** Azure answers a missing credential with 401 and a bare `error` object. */
function unauthorized(context) {
  const key = context.request.headers['api-key'] ?? '';
  const bearer = context.request.headers.authorization ?? '';
  if (key.length > 0 || (bearer.startsWith('Bearer ') && bearer.length > 'Bearer '.length)) return false;
  sendJson(context.response, 401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } });
  return true;
}

/** Dated deployment URLs need api-version, as on Azure. */
function missingApiVersion(context) {
  if (!context.url.pathname.startsWith('/openai/deployments/') || context.url.searchParams.get('api-version')) return false;
  sendJson(context.response, 404, { error: { code: '404', message: 'Resource not found' } });
  return true;
}

export const routes = [
  {
    // Media answers like OpenAI's (the same wire bodies); a deployment URL names the model in its path.
    method: 'POST',
    match: (path) => MEDIA.test(path),
    async handle(context) {
      if (unauthorized(context) || missingApiVersion(context)) return;
      const [, deployment, endpoint] = MEDIA.exec(context.url.pathname);
      const route = openaiMediaRoutes.find((candidate) => candidate.method === 'POST' && candidate.match(`/${endpoint}`));
      context.request.headers.authorization = 'Bearer azure-emulator';
      const json = context.json;
      return route.handle({ ...context, json: () => (deployment ? { model: decodeURIComponent(deployment), ...json() } : json()) });
    },
  },
  {
    method: 'POST',
    match: (path) => V1.test(path) || DEPLOYMENT.test(path),
    async handle(context) {
      if (unauthorized(context) || missingApiVersion(context)) return;
      const body = context.json();
      const deployment = body.model ?? decodeURIComponent(DEPLOYMENT.exec(context.url.pathname)?.[1] ?? 'deployment');
      if (body.stream) return sendSse(context.response, chunks('azure', 'chat-stream'), { headers: { 'apim-request-id': 'apim-emulator' } });
      const name = body.tools?.length ? 'chat-tool-call' : body.response_format ? 'chat-object' : 'chat-basic';
      return sendJson(context.response, 200, { ...fixture('azure', name), model: `${deployment} (emulated)` }, { 'apim-request-id': 'apim-emulator' });
    },
  },
];
