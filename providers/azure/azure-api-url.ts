import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';

const DATED = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

/** Whether an `apiVersion` selects the classic deployment URLs (a dated version) rather than the v1 API. */
export function isDeploymentApiVersion(apiVersion: string): boolean {
  return DATED.test(apiVersion);
}

/**
 * Checks `apiVersion` when the provider is created: `v1` (the default),
 * `preview`/`latest` (the v1 API's preview channel) or a dated version.
 */
export function validateAzureApiVersion(apiVersion: string): void {
  if (apiVersion === 'v1' || apiVersion === 'preview' || apiVersion === 'latest' || DATED.test(apiVersion)) return;
  throw new InvalidArgumentError({
    argument: 'apiVersion',
    message: "must be 'v1', 'preview', 'latest' or a dated version such as '2024-10-21'",
    value: apiVersion,
  });
}

/**
 * Builds the URL for an API path. The v1 API puts the deployment in the body
 * (`{baseURL}/v1/chat/completions`); a dated version puts it in the path and
 * needs `api-version` (`{baseURL}/deployments/{id}/chat/completions?api-version=…`).
 */
export function azureApiUrl(options: { baseURL: string; apiVersion: string; path: string; deploymentId: string }): string {
  const { baseURL, apiVersion, path, deploymentId } = options;
  if (isDeploymentApiVersion(apiVersion)) {
    return `${baseURL}/deployments/${encodeURIComponent(deploymentId)}${path}?api-version=${apiVersion}`;
  }
  // The v1 GA API needs no api-version; its preview channel is chosen with one.
  return apiVersion === 'v1' ? `${baseURL}/v1${path}` : `${baseURL}/v1${path}?api-version=${apiVersion}`;
}
