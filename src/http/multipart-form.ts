import { BODY_CHUNKS, type ChunkedBody } from './chunked-body.js';
import { concatChunks } from './read-body.js';

/** One field of a {@link MultipartForm}: text, or a file given as bytes. */
type MultipartField = { name: string; value: string } | { name: string; data: Uint8Array; filename: string; type: string };

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * A `multipart/form-data` body built from bytes the caller already holds, the
 * way the HTML spec encodes a `FormData`. Why not `FormData` + `new
 * Response(form)`: that copies each file into a `Blob`, then the whole body
 * again into the encoded `ArrayBuffer`, and on Node 20 the first `Response`
 * of a process loads Node's bundled undici (~40 ms, ~9 MB). Here a file is
 * kept as the caller's `Uint8Array`: {@link MultipartForm.encode} writes every
 * part into one buffer (one copy of the audio, with a content length, for any
 * `fetch`), and a transport that writes chunks sends {@link MultipartForm.chunks}
 * with no copy at all (`sendRequest` picks, see chunked-body.ts).
 *
 * @example
 * const form = new MultipartForm();
 * form.append('model', 'whisper-1');
 * form.append('file', audioBytes, { filename: 'audio.mp3', type: 'audio/mpeg' });
 * const { body, contentType } = form.encode();
 */
export class MultipartForm {
  private readonly fields: MultipartField[] = [];
  private readonly boundary = `----aigc${randomHex(16)}`;

  /** The `content-type` to send the body with, boundary included. */
  get contentType(): string {
    return `multipart/form-data; boundary=${this.boundary}`;
  }

  /** Adds a text field, or a file when `value` is bytes (`file` names it and gives its media type). */
  append(name: string, value: string | Uint8Array, file?: { filename?: string; type?: string }): void {
    this.fields.push(toField(name, value, file));
  }

  /** Replaces every field named `name` with this one, in the first one's place, as `FormData.set` does. */
  set(name: string, value: string | Uint8Array, file?: { filename?: string; type?: string }): void {
    const index = this.fields.findIndex((field) => field.name === name);
    if (index < 0) return this.append(name, value, file);
    this.fields[index] = toField(name, value, file);
    for (let position = this.fields.length - 1; position > index; position--) {
      if (this.fields[position]!.name === name) this.fields.splice(position, 1);
    }
  }

  /** The names of the fields, in order (repeated names repeat). */
  names(): string[] {
    return this.fields.map((field) => field.name);
  }

  /**
   * The body as its parts in order (framing, then each value as it was given),
   * with no copy of any file: what a transport that writes chunks sends as is
   * (the Node transport, see BODY_CHUNKS in chunked-body.ts).
   */
  chunks(): ChunkedBody {
    const chunks: Uint8Array[] = [];
    let byteLength = 0;
    const add = (chunk: Uint8Array) => {
      chunks.push(chunk);
      byteLength += chunk.byteLength;
    };
    this.fields.forEach((field, index) => {
      add(encoder.encode(`${index === 0 ? '' : '\r\n'}--${this.boundary}\r\n${partHeaders(field)}\r\n`));
      add('data' in field ? field.data : encoder.encode(normalizeNewlines(field.value)));
    });
    add(encoder.encode(`${this.fields.length === 0 ? '' : '\r\n'}--${this.boundary}--\r\n`));
    return { [BODY_CHUNKS]: chunks, byteLength };
  }

  /** The body bytes in one buffer (one copy of every file) and the `content-type` to send them with. */
  encode(): { body: Uint8Array<ArrayBuffer>; contentType: string } {
    const { [BODY_CHUNKS]: chunks, byteLength } = this.chunks();
    // Never a caller's array uncopied: there is always a framing chunk besides any file.
    return { body: concatChunks(chunks, byteLength) as Uint8Array<ArrayBuffer>, contentType: this.contentType };
  }
}

function toField(name: string, value: string | Uint8Array, file: { filename?: string; type?: string } | undefined): MultipartField {
  if (typeof value === 'string') return { name, value };
  return { name, data: value, filename: file?.filename ?? 'blob', type: file?.type || 'application/octet-stream' };
}

function partHeaders(field: MultipartField): string {
  const disposition = `Content-Disposition: form-data; name="${escapeName(field.name)}"`;
  if (!('data' in field)) return `${disposition}\r\n`;
  return `${disposition}; filename="${escapeName(field.filename)}"\r\nContent-Type: ${field.type.replace(/[\r\n]/g, '')}\r\n`;
}

/** The HTML spec's escaping of names and filenames in multipart headers. */
function escapeName(name: string): string {
  return name.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

/** Text values go with CRLF line breaks, as the HTML spec's FormData encoding sends them. */
function normalizeNewlines(value: string): string {
  return value.replace(/\r\n?|\n/g, '\r\n');
}

function randomHex(bytes: number): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  let hex = '';
  for (const byte of random) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
