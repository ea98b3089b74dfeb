import { deflateSync, inflateSync } from 'node:zlib';

/** An RGBA grid: each quadrant one solid colour, with a per-pixel gradient so filters matter. */
export const QUADRANT_COLOURS = [
  [255, 0, 0],
  [0, 255, 0],
  [0, 0, 255],
  [255, 255, 0],
] as const;

/** The expected RGBA of pixel (x, y) in a `width`×`height` grid. */
export function gridPixel(x: number, y: number, width: number, height: number): [number, number, number, number] {
  const quadrant = (y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1);
  const [r, g, b] = QUADRANT_COLOURS[quadrant]!;
  return [r, g, b, (x * 7 + y * 13) % 256];
}

/** Encodes the test grid as a PNG with zlib, cycling through all five filter types so the decoder sees each. */
export function gridPng(width: number, height: number): Uint8Array {
  const stride = width * 4;
  const rows: number[][] = [];
  for (let y = 0; y < height; y++) {
    const row: number[] = [];
    for (let x = 0; x < width; x++) row.push(...gridPixel(x, y, width, height));
    rows.push(row);
  }
  const raw: number[] = [];
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    raw.push(filter);
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? rows[y]![i - 4]! : 0;
      const up = y > 0 ? rows[y - 1]![i]! : 0;
      const upLeft = y > 0 && i >= 4 ? rows[y - 1]![i - 4]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]!;
      raw.push((rows[y]![i]! - predictor) & 0xff);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from('Comment\0test grid')),
    chunk('IDAT', deflateSync(Buffer.from(raw))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Encodes any 8- or 16-bit PNG from raw pixel bytes, with filter None, and extra chunks (PLTE, tRNS) before IDAT. */
export function encodePng(options: { width: number; height: number; bitDepth: 8 | 16; colorType: 0 | 2 | 3 | 4 | 6; bytesPerPixel: number; pixel(x: number, y: number): number[]; chunks?: Array<[string, Uint8Array]> }): Uint8Array {
  const raw: number[] = [];
  for (let y = 0; y < options.height; y++) {
    raw.push(0);
    for (let x = 0; x < options.width; x++) {
      const bytes = options.pixel(x, y);
      if (bytes.length !== options.bytesPerPixel) throw new Error('pixel byte count');
      raw.push(...bytes);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(options.width, 0);
  header.writeUInt32BE(options.height, 4);
  header[8] = options.bitDepth;
  header[9] = options.colorType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(options.chunks ?? []).map(([type, data]) => chunk(type, Buffer.from(data))),
    chunk('IDAT', deflateSync(Buffer.from(raw))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Decodes any non-interlaced 8/16-bit PNG with zlib: header fields, chunk types in order, raw pixel bytes. */
export function decodePngRaw(bytes: Uint8Array): { width: number; height: number; bitDepth: number; colorType: number; chunkTypes: string[]; chunk(type: string): Buffer | undefined; pixel(x: number, y: number): number[] } {
  const buffer = Buffer.from(bytes);
  let offset = 8;
  const header = { width: 0, height: 0, bitDepth: 0, colorType: 0 };
  const idat: Buffer[] = [];
  const chunks = new Map<string, Buffer>();
  const chunkTypes: string[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (buffer.readUInt32BE(offset + 8 + length) !== crc32(buffer.subarray(offset + 4, offset + 8 + length))) throw new Error(`bad CRC on ${type}`);
    chunkTypes.push(type);
    chunks.set(type, data);
    if (type === 'IHDR') Object.assign(header, { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8], colorType: data[9] });
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[header.colorType]!;
  const bpp = (channels * header.bitDepth) / 8;
  const stride = header.width * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = new Uint8Array(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const value = raw[y * (stride + 1) + 1 + i]!;
      const left = i >= bpp ? pixels[y * stride + i - bpp]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= bpp ? pixels[(y - 1) * stride + i - bpp]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]!;
      pixels[y * stride + i] = (value + predictor) & 0xff;
    }
  }
  return { ...header, chunkTypes, chunk: (type) => chunks.get(type), pixel: (x, y) => [...pixels.subarray(y * stride + x * bpp, y * stride + (x + 1) * bpp)] };
}

/** Decodes an 8-bit RGBA PNG with zlib (an independent check of the provider's encoder). */
export function decodeRgbaPng(bytes: Uint8Array): { width: number; height: number; pixel(x: number, y: number): number[] } {
  const buffer = Buffer.from(bytes);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    const crc = buffer.readUInt32BE(offset + 8 + length);
    if (crc !== crc32(buffer.subarray(offset + 4, offset + 8 + length))) throw new Error(`bad CRC on ${type}`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6) throw new Error('not 8-bit RGBA');
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const value = raw[y * (stride + 1) + 1 + i]!;
      const left = i >= 4 ? pixels[y * stride + i - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= 4 ? pixels[(y - 1) * stride + i - 4]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]!;
      pixels[y * stride + i] = (value + predictor) & 0xff;
    }
  }
  return { width, height, pixel: (x, y) => [...pixels.subarray(y * stride + x * 4, y * stride + x * 4 + 4)] };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
