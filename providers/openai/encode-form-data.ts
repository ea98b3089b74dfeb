/**
 * Encodes multipart form data to bytes with its boundary content type, using
 * only `Response` (standard everywhere). Sending bytes instead of a
 * `FormData` object means every transport puts the same bytes on the wire:
 * the `node:http` transport cannot write a `FormData` as it is and would
 * encode it again itself (request-init.ts), and some proxies want a content
 * length.
 */
export async function encodeFormData(form: FormData): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string }> {
  const encoded = new Response(form);
  // Read the boundary before the body: Bun (1.4) drops the content type once the body is consumed,
  // and the request would go out as `content-type: null` (test/runtimes caught it).
  const contentType = encoded.headers.get('content-type')!;
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType };
}
