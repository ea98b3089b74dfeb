/** Encodes bytes as base64 with web APIs only (no `Buffer`), in chunks so large images do not overflow the call stack. */
export function uint8ArrayToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode.apply(null, bytes.subarray(index, index + chunk) as unknown as number[]);
  }
  return btoa(binary);
}

/** Decodes base64 (standard or URL-safe, padding optional) to bytes. Throws on invalid input. */
export function base64ToUint8Array(base64: string): Uint8Array {
  const normalized = base64.replace(/[\s]/g, '').replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(normalized);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
