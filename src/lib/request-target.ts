/**
 * What the production server refuses before it looks for a file: request paths that a static
 * file server would decode or normalize into something else than they say (an encoded `/`, `\`
 * or `.`, a `.` or `..` segment, an empty segment), and Host headers that name neither the site
 * nor the lab origin (a DNS-rebinding page). Checking the raw path this strictly means the
 * allow-lists for the site and lab origins see exactly the file that would be served.
 */

export type PathRefusal = 'encoded-separator' | 'encoded-plain-character' | 'backslash' | 'dot-segment' | 'empty-segment' | 'control-character' | 'bad-encoding';

/** Characters a client never needs to percent-encode (RFC 3986 unreserved): an encoded one only hides a name. */
const UNRESERVED = /^[A-Za-z0-9\-_~]$/;

/**
 * A path every check below lets through, in one test: segments of unreserved characters that do
 * not start with a dot, and no `%`, `\\` or control character. Nearly every request (and every
 * broker handshake) is one of these.
 */
export const PLAIN_PATH = /^(?:\/[A-Za-z0-9\-_~][A-Za-z0-9\-._~]*)*\/?$/;

/** Why a raw request path (the part of the request target before `?`) is refused, or null. */
export function refusePath(rawPath: string): PathRefusal | null {
  if (PLAIN_PATH.test(rawPath)) return null;
  // %2f, %5c: an encoded separator; %2e: an encoded dot; %00 and other controls: never a file name.
  if (/%(?:2f|5c|2e)/i.test(rawPath)) return 'encoded-separator';
  if (/%(?:[01][0-9a-f]|7f)/i.test(rawPath) || /[\u0000-\u001f\u007f]/.test(rawPath)) return 'control-character';
  for (const [, hex] of rawPath.matchAll(/%([0-9a-f]{2})/gi)) {
    if (UNRESERVED.test(String.fromCharCode(Number.parseInt(hex ?? '', 16)))) return 'encoded-plain-character';
  }
  if (/%(?![0-9a-f]{2})/i.test(rawPath)) return 'bad-encoding';
  if (rawPath.includes('\\')) return 'backslash';
  const segments = rawPath.split('/').slice(1);
  if (segments.some((segment) => segment === '.' || segment === '..')) return 'dot-segment';
  // A trailing slash leaves one empty last segment; any other empty segment is a `//`.
  if (segments.slice(0, -1).some((segment) => segment === '')) return 'empty-segment';
  return null;
}

/** The `host[:port]` forms of the allowed origins, as a Host header carries them. */
export function allowedHosts(origins: Iterable<string>): Set<string> {
  const hosts = new Set<string>();
  for (const origin of origins) hosts.add(new URL(origin).host.toLowerCase());
  return hosts;
}

/** True when the Host header names one of the allowed hosts. */
export function hostAllowed(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  return host !== undefined && allowed.has(host.trim().toLowerCase());
}

/** The first path segment, for routing by top-level folder. */
export function firstSegment(rawPath: string): string {
  return rawPath.split('/')[1] ?? '';
}
