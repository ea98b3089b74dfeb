import { describe, expect, it } from 'vitest';
import { BODY_CHUNKS, isChunkedBody, type ChunkedBody } from '../../src/http/chunked-body.js';
import { MultipartForm } from '../../src/http/multipart-form.js';
import { sendRequest } from '../../src/http/send-request.js';

/** Parses a body with the platform's own multipart parser, as a server framework would. */
async function parse(encoded: { body: Uint8Array; contentType: string }): Promise<FormData> {
  return new Response(encoded.body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': encoded.contentType } }).formData();
}

describe('MultipartForm', () => {
  it('encodes text fields and files that the platform parser reads back exactly', async () => {
    const audio = new Uint8Array(70_000).map((_, index) => (index * 31) % 256);
    const form = new MultipartForm();
    form.append('model', 'whisper-1');
    form.append('file', audio, { filename: 'audio.mp3', type: 'audio/mpeg' });
    form.append('timestamp_granularities[]', 'word');
    form.append('timestamp_granularities[]', 'segment');
    form.append('prompt', '你好，\nworld');
    const encoded = form.encode();
    expect(encoded.contentType).toMatch(/^multipart\/form-data; boundary=----aigc[0-9a-f]{32}$/);
    const parsed = await parse(encoded);
    expect(parsed.get('model')).toBe('whisper-1');
    expect(parsed.getAll('timestamp_granularities[]')).toEqual(['word', 'segment']);
    // Text values go with CRLF line breaks, as browsers send them.
    expect(parsed.get('prompt')).toBe('你好，\r\nworld');
    const file = parsed.get('file') as File;
    expect(file.name).toBe('audio.mp3');
    expect(file.type).toBe('audio/mpeg');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(audio);
  });

  it('writes the parts in order with the exact framing of the HTML spec', () => {
    const form = new MultipartForm();
    form.append('a', 'x');
    form.append('f', new Uint8Array([1, 2]), { filename: 'b.bin', type: 'application/octet-stream' });
    const { body, contentType } = form.encode();
    const boundary = contentType.split('boundary=')[1]!;
    const text = new TextDecoder('latin1').decode(body);
    expect(text).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="b.bin"\r\nContent-Type: application/octet-stream\r\n\r\n\u0001\u0002\r\n` +
        `--${boundary}--\r\n`,
    );
  });

  it('keeps the caller’s bytes uncopied until encode, and encodes them into a single buffer', () => {
    const audio = new Uint8Array(1024).fill(7);
    const form = new MultipartForm();
    form.append('file', audio, { filename: 'a.wav', type: 'audio/wav' });
    // A later change to the caller's bytes shows in the body: nothing was copied before encode().
    audio[0] = 9;
    const { body } = form.encode();
    expect(body.byteOffset).toBe(0);
    expect(body.buffer.byteLength).toBe(body.byteLength);
    const at = body.indexOf(9);
    expect(Array.from(body.subarray(at, at + 3))).toEqual([9, 7, 7]);
  });

  it('escapes quotes and line breaks in names and filenames, and defaults a file’s name and type', async () => {
    const form = new MultipartForm();
    form.append('we"ird\nname', 'v');
    form.append('file', new Uint8Array([0]), { filename: 'a"b\r.png' });
    form.append('blob', new Uint8Array([1]));
    const { body } = form.encode();
    const text = new TextDecoder().decode(body);
    expect(text).toContain('name="we%22ird%0Aname"');
    expect(text).toContain('filename="a%22b%0D.png"\r\nContent-Type: application/octet-stream');
    expect(text).toContain('name="blob"; filename="blob"');
  });

  it('set replaces every field of that name in the first one’s place, like FormData.set', async () => {
    const form = new MultipartForm();
    form.append('a', '1');
    form.append('b', '2');
    form.append('a', '3');
    form.set('a', '4');
    form.set('c', '5');
    expect(form.names()).toEqual(['a', 'b', 'c']);
    const parsed = await parse(form.encode());
    expect([...parsed.entries()]).toEqual([['a', '4'], ['b', '2'], ['c', '5']]);
  });

  it('encodes an empty form as just the closing boundary', async () => {
    const { body, contentType } = new MultipartForm().encode();
    expect(new TextDecoder().decode(body)).toBe(`--${contentType.split('boundary=')[1]}--\r\n`);
  });
});

describe('MultipartForm chunks and sendRequest', () => {
  it('gives its parts uncopied, in the order and framing of encode()', () => {
    const audio = new Uint8Array(5000).fill(3);
    const form = new MultipartForm();
    form.append('model', 'whisper-1');
    form.append('file', audio, { filename: 'a.wav', type: 'audio/wav' });
    const chunked = form.chunks();
    const chunks = chunked[BODY_CHUNKS];
    expect(chunks).toContain(audio);
    expect(chunked.byteLength).toBe(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
    const joined = new Uint8Array(chunked.byteLength);
    let offset = 0;
    for (const chunk of chunks) joined.set(chunk, (offset += chunk.byteLength) - chunk.byteLength);
    expect(joined).toEqual(form.encode().body);
    expect(form.encode().contentType).toBe(form.contentType);
  });

  it('sendRequest sends a form encoded, with its own content type, through a plain fetch', async () => {
    const form = new MultipartForm();
    form.append('file', new Uint8Array([1, 2, 3]), { filename: 'a.bin', type: 'application/octet-stream' });
    const seen: RequestInit[] = [];
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
      seen.push(init!);
      return new Response('{}', { status: 200 });
    };
    await sendRequest({ provider: 'test', url: 'https://api.example.com/v1/up', headers: { 'Content-Type': 'application/json', authorization: 'Bearer sk-0123456789' }, body: form, fetch });
    const headers = seen[0]!.headers as Record<string, string>;
    expect(headers['content-type']).toBe(form.contentType);
    expect(headers['Content-Type']).toBeUndefined();
    expect(seen[0]!.body).toBeInstanceOf(Uint8Array);
    const parsed = await parse({ body: seen[0]!.body as Uint8Array, contentType: headers['content-type']! });
    expect(new Uint8Array(await (parsed.get('file') as File).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('sendRequest hands a chunk-writing transport the chunks themselves', async () => {
    const audio = new Uint8Array(100).fill(9);
    const form = new MultipartForm();
    form.append('file', audio, { filename: 'a.mp3', type: 'audio/mpeg' });
    let body: unknown;
    const fetch = Object.assign(
      async (_url: RequestInfo | URL, init?: RequestInit) => {
        body = init!.body;
        return new Response('{}', { status: 200 });
      },
      { [BODY_CHUNKS]: true },
    );
    await sendRequest({ provider: 'test', url: 'https://api.example.com/v1/up', headers: {}, body: form, fetch });
    expect(isChunkedBody(body)).toBe(true);
    expect((body as ChunkedBody)[BODY_CHUNKS]).toContain(audio);
  });
});
