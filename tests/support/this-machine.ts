/**
 * The no-third-party promise, as the browser tests check it: every request a page or a lab makes
 * goes to this machine (the site, the lab origin, the broker on them, the local coturn), and every
 * RTCPeerConnection a lab creates lists only servers on this machine. The tests run in a
 * loopback-only namespace, so a request elsewhere would fail anyway; these checks name it.
 */
import type { FeedEvent, Inspected } from '../../src/lib/feed.ts';

/** Schemes that never leave the page. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'javascript:']);

/** Loopback names and addresses, and the address the test namespace puts on `lo` (NOTES.md). */
export function isThisMachine(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === '10.99.0.1';
}

/** A URL a page asked for that is not on this machine (null when it is). */
export function thirdParty(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return null;
  return isThisMachine(parsed.hostname) ? null : url;
}

/** The host of a STUN or TURN URL (`turn:host:port?transport=udp`, `stun:[::1]:3478`). */
export function iceUrlHost(url: string): string {
  const rest = url.replace(/^[a-z]+:/i, '').split('?')[0] ?? '';
  const bracketed = /^\[([^\]]+)\]/.exec(rest);
  return bracketed?.[1] ?? rest.split(':')[0] ?? '';
}

/** Every string under a `urls` key in an inspected value (an RTCConfiguration's iceServers). */
function urlsIn(value: Inspected, underUrls = false): string[] {
  switch (value.t) {
    case 'string':
      return underUrls ? [value.v] : [];
    case 'array':
    case 'set':
      return value.items.flatMap((item) => urlsIn(item, underUrls));
    case 'object':
      return value.entries.flatMap(([key, item]) => urlsIn(item, key === 'urls'));
    default:
      return [];
  }
}

/** The ICE server URLs of every connection in a feed that name a server elsewhere. */
export function publicIceUrls(feed: readonly FeedEvent[]): string[] {
  return feed.flatMap((event) => (event.type === 'pc-created' ? urlsIn(event.config) : [])).filter((url) => !isThisMachine(iceUrlHost(url)));
}
