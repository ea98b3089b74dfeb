// Baidu wire formats (WIRE.md §3–§5) under a `/baidu` prefix: createBaidu({ baseURL: `${emulator}/baidu` }).
// OAuth tokens, ERNIE chat v1 (result/is_end SSE, errors in 200 bodies) and v2 (OpenAI-style SSE),
// ERNIE-ViLG tasks that advance one step per poll (19-digit task ids, as the real service sends),
// Qianfan images, TTS (form in, audio/mp3 out) and short ASR (base64 speech in).
import { readFileSync } from 'node:fs';
import { chunks, fixture, sendJson, sendSse } from '../fixtures.mjs';

const root = new URL('../../../test/providers/baidu/fixtures/', import.meta.url);
const binary = (name) => readFileSync(new URL(name, root));
const verbatim = (name) => readFileSync(new URL(`${name}.json`, root), 'utf8');
const TOKEN = fixture('baidu', 'oauth-token').access_token;
const PREFIX = '/baidu/';

const tasks = new Map();
let nextTaskId = 1727937239739167539n;

function origin(context) {
  return `http://${context.request.headers.host}/baidu`;
}

/** v1, ViLG and speech answer a bad token with error 110 and HTTP 200, as Baidu does. */
function badToken(context, token) {
  if (token === TOKEN) return false;
  sendJson(context.response, 200, fixture('baidu', 'chat-v1-error-110'));
  return true;
}

function badBearer(context) {
  const auth = context.request.headers.authorization ?? '';
  if (auth.startsWith('Bearer ') && auth.length > 'Bearer '.length) return false;
  sendJson(context.response, 401, { error: { code: 'invalid_iam_token', message: 'IAM Certification failed', type: 'invalid_request_error' } });
  return true;
}

function v1ChatFixture(body) {
  if (body.functions?.length && body.messages?.at(-1)?.role !== 'function') return 'chat-v1-function-call';
  if (body.response_format === 'json_object') return 'chat-v1-object';
  return 'chat-v1-basic';
}

function v2ChatFixture(body) {
  if (body.response_format?.type === 'json_schema' || body.response_format?.type === 'json_object') return 'chat-v2-object';
  const last = body.messages?.at(-1);
  if (Array.isArray(last?.content) && last.content.some((part) => part.type === 'image_url')) return 'chat-v2-vision';
  return 'chat-v2-basic';
}

function sendRaw(response, text) {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(text);
}

export const routes = [
  {
    method: 'POST',
    match: (path) => path === '/baidu/oauth/2.0/token',
    handle(context) {
      const query = context.url.searchParams;
      if (!query.get('client_id') || !query.get('client_secret')) return sendJson(context.response, 401, fixture('baidu', 'oauth-token-invalid-client'));
      sendJson(context.response, 200, fixture('baidu', 'oauth-token'));
    },
  },
  {
    method: 'POST',
    match: (path) => path.startsWith('/baidu/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/'),
    handle(context) {
      if (badToken(context, context.url.searchParams.get('access_token'))) return;
      const body = context.json();
      if (body.messages?.length % 2 === 0) return sendJson(context.response, 200, fixture('baidu', 'chat-v1-error-336003'));
      if (body.stream) return sendSse(context.response, chunks('baidu', 'chat-v1-chinese'));
      sendJson(context.response, 200, fixture('baidu', v1ChatFixture(body)));
    },
  },
  {
    method: 'POST',
    match: (path) => path === '/baidu/v2/chat/completions',
    handle(context) {
      if (badBearer(context)) return;
      const body = context.json();
      if (body.stream) return sendSse(context.response, chunks('baidu', 'chat-v2-chinese'), { headers: { 'x-bce-request-id': 'emulator' } });
      sendJson(context.response, 200, { ...fixture('baidu', v2ChatFixture(body)), model: body.model }, { 'x-bce-request-id': 'emulator' });
    },
  },
  {
    method: 'POST',
    match: (path) => path === '/baidu/rpc/2.0/ernievilg/v1/txt2imgv2',
    handle(context) {
      if (badToken(context, context.url.searchParams.get('access_token'))) return;
      const body = context.json();
      if (!body.prompt) return sendJson(context.response, 200, { log_id: 1, error_code: 216100, error_msg: 'invalid param: prompt' });
      const id = String(nextTaskId++);
      tasks.set(id, { polls: 0, count: Math.min(Math.max(Number(body.image_num) || 1, 1), 8) });
      // The id goes out as a bare 19-digit number, which JSON.parse would round.
      sendRaw(context.response, `{"log_id":${id},"data":{"primary_task_id":2035617,"task_id":${id}}}`);
    },
  },
  {
    method: 'POST',
    match: (path) => path === '/baidu/rpc/2.0/ernievilg/v1/getImgv2',
    handle(context) {
      if (badToken(context, context.url.searchParams.get('access_token'))) return;
      const id = /"task_id"\s*:\s*"?(\d+)/.exec(context.raw.toString('utf8'))?.[1];
      const task = id && tasks.get(id);
      if (!task) return sendJson(context.response, 200, { log_id: 1, error_code: 282811, error_msg: 'task not found' });
      task.polls++;
      if (task.polls === 1) return sendRaw(context.response, verbatim('getimgv2-init').replaceAll('1727937239739167539', id));
      if (task.polls === 2) return sendRaw(context.response, verbatim('getimgv2-running').replaceAll('1727937239739167539', id));
      const image = (index) => ({ img_url: `${origin(context)}/bos/${id}_${index}.png`, width: 1024, height: 1024, img_approve_conclusion: 'pass' });
      const list = Array.from({ length: task.count }, (_, index) => `{"sub_task_status":"SUCCESS","sub_task_progress":1,"sub_task_error_code":0,"final_image_list":[${JSON.stringify(image(index))}]}`);
      sendRaw(context.response, `{"log_id":${id},"data":{"task_id":${id},"task_status":"SUCCESS","task_progress":1,"sub_task_result_list":[${list.join(',')}]}}`);
    },
  },
  {
    method: 'POST',
    match: (path) => path === '/baidu/v2/images/generations',
    handle(context) {
      if (badBearer(context)) return;
      const body = context.json();
      const data = Array.from({ length: Number(body.n) || 1 }, (_, index) => ({ url: `${origin(context)}/bos/qianfan_${index}.png` }));
      sendJson(context.response, 200, { ...fixture('baidu', 'images-generations-irag'), data });
    },
  },
  {
    method: 'GET',
    match: (path) => path.startsWith('/baidu/bos/') && path.endsWith('.png'),
    handle(context) {
      context.response.writeHead(200, { 'content-type': 'image/png' });
      context.response.end(binary('getimgv2-image.png'));
    },
  },
  {
    method: 'POST',
    match: (path) => path === '/baidu/text2audio',
    handle(context) {
      const form = new URLSearchParams(context.raw.toString('utf8'));
      if (form.get('tok') !== TOKEN) return sendJson(context.response, 200, fixture('baidu', 'text2audio-error-502'));
      if (!form.get('tex')) return sendJson(context.response, 200, fixture('baidu', 'text2audio-error-513'));
      // aue=6 asks for WAV (16 kHz mono, what short ASR takes back); anything else gets the MP3 clip.
      const wav = form.get('aue') === '6';
      context.response.writeHead(200, { 'content-type': wav ? 'audio/wav' : 'audio/mp3' });
      context.response.end(binary(wav ? 'server-api-hello.wav' : 'text2audio-hello.mp3'));
    },
  },
  {
    method: 'POST',
    match: (path) => path === '/baidu/server_api' || path === '/baidu/pro_api',
    handle(context) {
      const body = context.json();
      if (body.token !== TOKEN) return sendJson(context.response, 200, fixture('baidu', 'server-api-error-3302'));
      if (!body.speech || Buffer.from(body.speech, 'base64').length !== body.len) {
        return sendJson(context.response, 200, { err_no: 3300, err_msg: 'speech and len do not match', sn: 'emulator' });
      }
      sendJson(context.response, 200, fixture('baidu', 'server-api-success'));
    },
  },
].map((route) => ({ ...route, match: (path) => path.startsWith(PREFIX) && route.match(path) }));
