/**
 * Where the site and its lab frame live. The lab frame runs learner code and must be
 * a different origin from the site; one configuration feeds the page, the frame and
 * the broker's allow-list so they cannot disagree.
 */
import { normalizeOrigin } from './origin-policy.ts';

export interface SiteOriginsInput {
  readonly port: number;
  /** Public origin of the site, e.g. `http://192.168.1.20:4321` for a phone on the LAN. */
  readonly siteOrigin?: string | undefined;
  /** Public origin of the lab frame. */
  readonly labOrigin?: string | undefined;
  /** More origins allowed to use the broker (comma-separated in the environment). */
  readonly extraOrigins?: readonly string[] | undefined;
}

export interface SiteOrigins {
  readonly site: string;
  readonly lab: string;
  /** Every origin whose pages may open a broker socket. */
  readonly allowed: ReadonlySet<string>;
}

function mustNormalize(value: string, what: string): string {
  const origin = normalizeOrigin(value);
  if (origin === null) throw new Error(`${what} is not an http(s) origin: ${JSON.stringify(value)}`);
  return origin;
}

/**
 * The lab origin that pairs with a site origin when none is configured: `lab.` + the host
 * when the host is a name (`*.localhost` resolves to loopback in Chromium and Firefox),
 * otherwise the same address on the next port, since an IP address has no subdomains.
 */
export function defaultLabOrigin(siteOrigin: string): string {
  const url = new URL(mustNormalize(siteOrigin, 'site origin'));
  const isIp = /^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('[');
  if (!isIp) {
    url.hostname = `lab.${url.hostname}`;
    return url.origin;
  }
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  url.port = String(port + 1);
  return url.origin;
}

export function resolveSiteOrigins(input: SiteOriginsInput): SiteOrigins {
  if (!Number.isInteger(input.port) || input.port < 0 || input.port > 65535) {
    throw new RangeError(`port must be 0–65535, got ${input.port}`);
  }
  const site = input.siteOrigin ? mustNormalize(input.siteOrigin, 'SITE_ORIGIN') : `http://localhost:${input.port}`;
  const lab = input.labOrigin ? mustNormalize(input.labOrigin, 'LAB_ORIGIN') : defaultLabOrigin(site);
  const allowed = new Set<string>([site, lab]);
  // The same loopback server is reachable under both spellings; a learner may type either.
  if (!input.siteOrigin) allowed.add(`http://127.0.0.1:${input.port}`);
  for (const extra of input.extraOrigins ?? []) {
    if (extra.trim() !== '') allowed.add(mustNormalize(extra.trim(), 'extra origin'));
  }
  return { site, lab, allowed };
}
