/**
 * Share links that carry a learner's code in the URL fragment, so sharing needs no server
 * and the code never reaches one (fragments are not sent in requests).
 *
 * Format: JSON → deflate-raw (CompressionStream) → base64url without padding. A link is
 * untrusted input: decoding returns null for anything malformed and never inflates more
 * than MAX_JSON_BYTES, so a small link cannot expand into a huge allocation.
 */
import { LAB_FILE_NAMES, LAB_ID, isLabFileName } from './lab-manifest.ts';

export interface SharePayload {
  readonly lab: string;
  readonly files: Readonly<Record<string, string>>;
}

/** Upper bound on the decompressed JSON: far more code than any lab needs. */
export const MAX_JSON_BYTES = 256 * 1024;

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/**
 * Deflate's worst case is stored blocks (5 bytes per 64 KiB), so a payload within
 * MAX_JSON_BYTES never needs more characters than this; longer input is refused unread.
 */
const MAX_ENCODED_CHARS = Math.ceil(((MAX_JSON_BYTES + 5 * Math.ceil(MAX_JSON_BYTES / 65_535) + 16) * 4) / 3);

/**
 * Rejects (TypeError / RangeError) a payload its own decoder would refuse, so a broken
 * link is never handed out.
 */
export async function encodeShare(payload: SharePayload): Promise<string> {
  const checked = validPayload(payload);
  if (!checked) throw new TypeError(`share payload needs a lab id like "my-lab" and only ${LAB_FILE_NAMES.join(', ')}`);
  const json = new TextEncoder().encode(JSON.stringify(checked));
  if (json.byteLength > MAX_JSON_BYTES) throw new RangeError(`code too large to share (${json.byteLength} bytes)`);
  const compressed = await readAll(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw')), Infinity);
  if (!compressed) throw new Error('compression failed');
  return toBase64Url(compressed);
}

export async function decodeShare(encoded: string): Promise<SharePayload | null> {
  if (encoded.length > MAX_ENCODED_CHARS) return null;
  const bytes = fromBase64Url(encoded);
  if (!bytes) return null;
  const json = await readAll(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')), MAX_JSON_BYTES);
  if (!json) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return null;
  }
  return validPayload(parsed);
}

export function shareHash(lab: string, encoded: string): string {
  return `#share=${lab}.${encoded}`;
}

/** Accepts `location.hash` as it comes, with or without the leading '#'. */
export function parseShareHash(hash: string): { lab: string; encoded: string } | null {
  const match = /^#?share=([^.]*)\.(.*)$/.exec(hash);
  if (!match) return null;
  const [, lab = '', encoded = ''] = match;
  return LAB_ID.test(lab) && BASE64URL.test(encoded) ? { lab, encoded } : null;
}

/** A fresh, well-formed copy of `value`, or null. Extra top-level keys are dropped. */
function validPayload(value: unknown): SharePayload | null {
  if (typeof value !== 'object' || value === null) return null;
  const { lab, files } = value as { lab?: unknown; files?: unknown };
  if (typeof lab !== 'string' || !LAB_ID.test(lab)) return null;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return null;
  const entries = Object.entries(files);
  if (!entries.every(([name, text]) => isLabFileName(name) && typeof text === 'string')) return null;
  return { lab, files: Object.fromEntries(entries) as Record<string, string> };
}

/**
 * Reads a byte stream to the end; null if it fails or exceeds `limit` bytes. Over the
 * limit it cancels the stream, which stops the decompressor from producing the rest.
 */
async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null; // corrupt deflate data errors the stream
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// Written out rather than Uint8Array.toBase64, which not every browser the site supports has.
function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63);
    if (b !== undefined) out += ALPHABET.charAt((n >> 6) & 63);
    if (c !== undefined) out += ALPHABET.charAt(n & 63);
  }
  return out;
}

/** Strict: only the base64url alphabet, no padding, and canonical trailing bits. */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let index = 0;
  for (const char of text) {
    // Never more than 13 unread bits, so 14 bits of buffer are enough and it cannot overflow.
    buffer = ((buffer << 6) | ALPHABET.indexOf(char)) & 0x3fff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, or two different strings would decode to the same bytes.
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
