/**
 * Origin allow-list for the broker's WebSocket upgrades: the defence against
 * cross-site WebSocket hijacking (a page on another site opening a socket to our broker).
 */

/** Canonical form of an origin (`scheme://host[:port]`, default port dropped), or null if it is not one. */
export function normalizeOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url.origin;
}

export type OriginVerdict =
  | { readonly allowed: true; readonly reason: 'listed' | 'no-origin' }
  | { readonly allowed: false; readonly reason: 'foreign' | 'malformed' };

/**
 * Browsers always send `Origin` on a WebSocket handshake, so a request without one comes
 * from a non-browser client (a test, a CLI). Such a client can forge any header anyway,
 * which is why the absence is allowed: refusing it would stop no attacker.
 */
export function checkOrigin(origin: string | undefined, allowed: ReadonlySet<string>): OriginVerdict {
  if (origin === undefined || origin === '') return { allowed: true, reason: 'no-origin' };
  // The list holds canonical origins, and browsers send them canonical: most handshakes stop here.
  if (allowed.has(origin)) return { allowed: true, reason: 'listed' };
  const normalized = normalizeOrigin(origin);
  if (normalized === null) return { allowed: false, reason: 'malformed' };
  return allowed.has(normalized) ? { allowed: true, reason: 'listed' } : { allowed: false, reason: 'foreign' };
}
