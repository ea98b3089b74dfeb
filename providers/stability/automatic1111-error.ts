import { asString, isRecord, type ProviderErrorInfo } from '../../src/http/index.js';

/**
 * Maps the WebUI's error bodies: `{ error, detail, body, errors }` from its
 * API handler and FastAPI's `{ detail }` / `{ detail: [{ loc, msg }] }`.
 * A bare 404 (`{"detail":"Not Found"}` or a non-JSON page) on `/sdapi` means
 * the WebUI was started without `--api`; a 401 means `--api-auth` is on.
 */
export function parseAutomatic1111Error(data: unknown, text: string, status: number | undefined): ProviderErrorInfo | undefined {
  const detail = isRecord(data) ? data.detail : undefined;
  const named = isRecord(data) ? asString(data.error) : undefined;
  if (status === 404 && named === undefined && (detail === undefined || detail === 'Not Found')) {
    return {
      code: 'api_not_enabled',
      message: 'the AUTOMATIC1111 WebUI has no /sdapi routes; start it with the --api flag (or --nowebui for the API alone)',
    };
  }
  let message = typeof detail === 'string' ? detail : Array.isArray(detail) ? detail.map(validationMessage).join('; ') : undefined;
  message ??= (isRecord(data) ? asString(data.errors) : undefined) ?? named;
  if (status === 401) {
    message = `${message ?? 'Not authenticated'} (the WebUI runs with --api-auth; set username and password, or user:password@ in baseURL)`;
  }
  if (message === undefined) return text.trim() === '' ? undefined : { message: text.trim().slice(0, 200) };
  return { message, code: named };
}

function validationMessage(item: unknown): string {
  if (!isRecord(item)) return String(item);
  const location = Array.isArray(item.loc) ? item.loc.join('.') : undefined;
  const text = asString(item.msg) ?? JSON.stringify(item);
  return location ? `${location}: ${text}` : text;
}
