const SIGNATURES: Array<{ mediaType: string; bytes: Array<number | null>; offset?: number }> = [
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { mediaType: 'image/webp', bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
  { mediaType: 'image/bmp', bytes: [0x42, 0x4d] },
  { mediaType: 'audio/wav', bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x41, 0x56, 0x45] },
  { mediaType: 'audio/mpeg', bytes: [0x49, 0x44, 0x33] },
  { mediaType: 'audio/mpeg', bytes: [0xff, 0xfb] },
  { mediaType: 'audio/mpeg', bytes: [0xff, 0xf3] },
  { mediaType: 'audio/mpeg', bytes: [0xff, 0xf2] },
  { mediaType: 'audio/flac', bytes: [0x66, 0x4c, 0x61, 0x43] },
  { mediaType: 'audio/ogg', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { mediaType: 'audio/aac', bytes: [0xff, 0xf1] },
  { mediaType: 'audio/aac', bytes: [0xff, 0xf9] },
  { mediaType: 'audio/webm', bytes: [0x1a, 0x45, 0xdf, 0xa3] },
  { mediaType: 'audio/mp4', bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 },
];

/** Sniffs the media type from the first bytes (PNG, JPEG, GIF, WebP, BMP, WAV, MP3, FLAC, OGG, AAC, WebM, MP4), or undefined. */
export function detectMediaType(bytes: Uint8Array): string | undefined {
  for (const signature of SIGNATURES) {
    const offset = signature.offset ?? 0;
    if (bytes.length < offset + signature.bytes.length) continue;
    if (signature.bytes.every((byte, index) => byte === null || bytes[offset + index] === byte)) return signature.mediaType;
  }
  return undefined;
}
