/**
 * The provider kit: what provider modules use to talk HTTP. Not part of the
 * public `aigc` entry; providers import it directly.
 */
export { DEFAULT_MAX_RESPONSE_BYTES, readBodyCapped, readTextCapped, ResponseTooLargeError, validateMaxResponseBytes } from './read-body.js';
export { collectSecrets, redactSecrets, redactUrl } from './redact.js';
export { loadApiKey, loadOptionalSetting, withoutTrailingSlash, type LoadSettingOptions } from './load-setting.js';
export {
  apiErrorFromResponse,
  createApiError,
  headersToRecord,
  readBody,
  readJson,
  requestJson,
  readText,
  typedBodyStream,
  sendRequest,
  type FetchFunction,
  type ProviderErrorInfo,
  type ProviderErrorParser,
  type JsonMapper,
  type RequestContext,
  type SendRequestOptions,
} from './send-request.js';
export { isRecord, asNumber, asString } from './guards.js';
export { extendResponse, withLazyHeaders } from './lazy-headers.js';
export { createUrlJoiner } from './join-url.js';
export { MultipartForm } from './multipart-form.js';
