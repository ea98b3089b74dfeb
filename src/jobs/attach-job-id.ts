/**
 * Puts the job id on an error leaving {@link runJob}, so a caller can inspect
 * or resume the job. A timeout becomes a fresh `TimeoutError` `DOMException`
 * naming the job (it also carries `jobId`); any other abort reason of the
 * caller is returned untouched; other errors get a `jobId` field (a plain
 * field, so it shows in `console.log` and `JSON.stringify`).
 */
export function attachJobId(error: unknown, jobId: string, provider: string, callerSignal: AbortSignal | undefined): unknown {
  if (isTimeout(error)) {
    const timeout = new DOMException(
      `${(error as DOMException).message} ${provider} job ${jobId} may still be running; pass resume: { jobId: '${jobId}' } to pick it up.`,
      'TimeoutError',
    );
    return Object.assign(timeout, { jobId });
  }
  if (callerSignal?.aborted && error === callerSignal.reason) return error;
  if (typeof error === 'object' && error !== null && Object.isExtensible(error) && !('jobId' in error)) {
    (error as { jobId?: string }).jobId = jobId;
  }
  return error;
}

function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TimeoutError';
}
