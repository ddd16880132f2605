import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeShare, encodeShare, MAX_JSON_BYTES, parseShareHash, shareHash, type SharePayload } from '../../src/lib/share-code.ts';

/** Builds a link body from arbitrary bytes, bypassing encodeShare's own checks. */
async function deflateToLink(text: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const compressed = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  return Buffer.from(compressed).toString('base64url');
}

const payload: SharePayload = {
  lab: 'data-channel',
  files: { 'main.ts': "import { log } from 'lab';\nlog('안녕하세요, WebRTC! 👋');\n", 'index.html': '<video id="v"></video>' },
};

describe('encodeShare / decodeShare', () => {
  it('round-trips a payload through a URL-safe string without padding', async () => {
    const encoded = await encodeShare(payload);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShare(encoded)).toEqual(payload);
  });

  it('compresses: a typical lab fits comfortably in a URL', async () => {
    const main = Array.from({ length: 80 }, (_, i) => `const pc${i} = new RTCPeerConnection(); // 연결 ${i}`).join('\n');
    const encoded = await encodeShare({ lab: 'big', files: { 'main.ts': main } });
    expect(encoded.length).toBeLessThan(main.length / 2);
  });

  it('round-trips arbitrary unicode file contents, Korean included (property)', async () => {
    const korean = fc.string({ unit: fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c)) });
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), korean, fc.string());
    const files = fc.record({ 'main.ts': text, 'index.html': text, 'style.css': text }, { requiredKeys: [] });
    const lab = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/);
    await fc.assert(
      fc.asyncProperty(lab, files, async (id, f) => {
        const sent: SharePayload = { lab: id, files: f };
        expect(await decodeShare(await encodeShare(sent))).toEqual(sent);
      }),
      { numRuns: 150 },
    );
    // 150 compress/decompress rounds: about 2 s alone; 33 s on two busy cores on a slow day (the
    // stream's chunks hop through libuv's thread pool, each hop waiting its turn for a core).
  }, 120_000);

  it('refuses to encode what it would refuse to decode', async () => {
    await expect(encodeShare({ lab: 'Bad Lab', files: {} })).rejects.toThrow(TypeError);
    await expect(encodeShare({ lab: 'lab', files: { 'evil.js': 'x' } })).rejects.toThrow(TypeError);
    await expect(encodeShare({ lab: 'lab', files: { 'main.ts': 'x'.repeat(MAX_JSON_BYTES) } })).rejects.toThrow(RangeError);
  });
});

describe('decodeShare: malformed input is null, never an exception', () => {
  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/def'],
    ['padding', 'AAAA='],
    ['impossible length', 'AAAAA'],
    ['non-canonical trailing bits', 'AB'],
    ['spaces', 'AA AA'],
    ['random bytes that are not deflate', Buffer.from([0xff, 0xfe, 0xfd, 0xfc, 0x00, 0x01]).toString('base64url')],
  ])('%s', async (_, encoded) => {
    expect(await decodeShare(encoded)).toBeNull();
  });

  it('truncated deflate data', async () => {
    const encoded = await encodeShare(payload);
    expect(await decodeShare(encoded.slice(0, Math.floor(encoded.length / 2)))).toBeNull();
  });

  it.each([
    ['not JSON', 'hello'],
    ['JSON but not an object', '[1,2]'],
    ['null', 'null'],
    ['no files', '{"lab":"x"}'],
    ['files is an array', '{"lab":"x","files":["main.ts"]}'],
    ['a file that is not text', '{"lab":"x","files":{"main.ts":1}}'],
    ['a file name not allowed', '{"lab":"x","files":{"main.ts":"","../etc/passwd":""}}'],
    ['a prototype-polluting name', '{"lab":"x","files":{"__proto__":{"polluted":true}}}'],
    ['an upper-case lab id', '{"lab":"Lab","files":{}}'],
    ['a lab id with a dot', '{"lab":"a.b","files":{}}'],
    ['a lab id that is too long', JSON.stringify({ lab: 'a'.repeat(65), files: {} })],
    ['a lab id that is not a string', '{"lab":1,"files":{}}'],
  ])('%s', async (_, json) => {
    expect(await decodeShare(await deflateToLink(json))).toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('invalid UTF-8', async () => {
    expect(await decodeShare(await deflateToLink(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toBeNull();
  });

  it('accepts and drops unknown top-level keys, for links from a newer site', async () => {
    const decoded = await decodeShare(await deflateToLink('{"lab":"x","files":{"style.css":"a{}"},"v":2}'));
    expect(decoded).toEqual({ lab: 'x', files: { 'style.css': 'a{}' } });
  });

  it('returns null for a 1 MiB decompression bomb', async () => {
    const bomb = `{"lab":"x","files":{"main.ts":"${' '.repeat(1024 * 1024)}"}}`;
    const encoded = await deflateToLink(bomb);
    expect(encoded.length).toBeLessThan(3000); // a small link…
    expect(await decodeShare(encoded)).toBeNull(); // …that would inflate past the limit
  });

  it('stops inflating soon after the limit instead of inflating the whole bomb', async () => {
    const encoded = await deflateToLink(new Uint8Array(32 * 1024 * 1024));
    const Real = globalThis.DecompressionStream;
    let inflated = 0;
    // Counts what the decoder actually pulls out of the real decompressor.
    class Counting {
      readonly writable: WritableStream<BufferSource>;
      readonly readable: ReadableStream<Uint8Array>;
      constructor(format: CompressionFormat) {
        const real = new Real(format);
        this.writable = real.writable;
        this.readable = real.readable.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              inflated += chunk.byteLength;
              controller.enqueue(chunk);
            },
          }),
        );
      }
    }
    globalThis.DecompressionStream = Counting as unknown as typeof DecompressionStream;
    try {
      expect(await decodeShare(encoded)).toBeNull();
    } finally {
      globalThis.DecompressionStream = Real;
    }
    expect(inflated).toBeGreaterThan(MAX_JSON_BYTES);
    expect(inflated).toBeLessThan(4 * 1024 * 1024);
    // Deflating the 32 MiB bomb is most of this test's time: over 5 s on two busy cores (a CI run
    // with the browser suites beside it). What is checked is what was inflated, not how fast.
  }, 120_000);

  it('accepts a payload just under the limit', async () => {
    const overhead = JSON.stringify({ lab: 'x', files: { 'main.ts': '' } }).length;
    const files = { 'main.ts': 'a'.repeat(MAX_JSON_BYTES - overhead) };
    expect(await decodeShare(await encodeShare({ lab: 'x', files }))).toEqual({ lab: 'x', files });
    expect(await decodeShare(await deflateToLink(JSON.stringify({ lab: 'x', files: { 'main.ts': 'a'.repeat(MAX_JSON_BYTES - overhead + 1) } })))).toBeNull();
  });

  it('refuses an absurdly long link without decoding it', async () => {
    expect(await decodeShare('A'.repeat(2_000_000))).toBeNull();
  });

  it('never throws on arbitrary strings (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.base64String().map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))), async (s) => {
        const decoded = await decodeShare(s);
        expect(decoded === null || typeof decoded.lab === 'string').toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('shareHash / parseShareHash', () => {
  it('builds #share=lab.encoded and parses it back, with or without the #', () => {
    expect(shareHash('first-call', 'AbC_-9')).toBe('#share=first-call.AbC_-9');
    expect(parseShareHash('#share=first-call.AbC_-9')).toEqual({ lab: 'first-call', encoded: 'AbC_-9' });
    expect(parseShareHash('share=first-call.AbC_-9')).toEqual({ lab: 'first-call', encoded: 'AbC_-9' });
  });

  it.each(['', '#', '#share=', '#share=lab', '#share=lab.', '#share=.abc', '#share=Lab.abc', '#share=lab.a+b', '#share=lab.abc=', '#other=lab.abc', '#share=la b.abc'])(
    'rejects %j',
    (hash) => {
      expect(parseShareHash(hash)).toBeNull();
    },
  );

  it('round-trips a real link end to end', async () => {
    const parsed = parseShareHash(shareHash(payload.lab, await encodeShare(payload)));
    expect(parsed?.lab).toBe(payload.lab);
    expect(await decodeShare(parsed?.encoded ?? '')).toEqual(payload);
  });

  it('parses every hash it builds (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/), fc.stringMatching(/^[A-Za-z0-9_-]+$/), (lab, encoded) => {
        expect(parseShareHash(shareHash(lab, encoded))).toEqual({ lab, encoded });
      }),
    );
  });
});
