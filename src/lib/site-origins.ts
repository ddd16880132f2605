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
  /** LAN mode: the site also over HTTPS on these addresses, on `port`, each lab on `port + 1`. */
  readonly lan?: { readonly addresses: readonly string[]; readonly port: number } | undefined;
}

/** A site origin and the lab origin its pages run labs on. */
export interface OriginPair {
  readonly site: string;
  readonly lab: string;
}

export interface SiteOrigins {
  readonly site: string;
  readonly lab: string;
  /** LAN mode's HTTPS origins, one pair an address (none otherwise). */
  readonly lan: readonly OriginPair[];
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
  // On the site's own origin, learner code could read the site's storage and drive its pages.
  if (lab === site) throw new Error(`LAB_ORIGIN must be another origin than the site's (${site}): lab code runs there`);
  const lanPort = input.lan?.port ?? 0;
  if (input.lan && (!Number.isInteger(lanPort) || lanPort < 1 || lanPort > 65534)) {
    throw new RangeError(`the LAN port must be 1–65534 (the lab takes the next one), got ${lanPort}`);
  }
  const lan = (input.lan?.addresses ?? []).map((address): OriginPair => {
    const lanSite = mustNormalize(`https://${address}:${lanPort}`, 'LAN address');
    return { site: lanSite, lab: defaultLabOrigin(lanSite) };
  });
  const allowed = new Set<string>([site, lab, ...lan.flatMap((pair) => [pair.site, pair.lab])]);
  // The same loopback server is reachable under both spellings; a learner may type either.
  if (!input.siteOrigin) allowed.add(`http://127.0.0.1:${input.port}`);
  for (const extra of input.extraOrigins ?? []) {
    if (extra.trim() !== '') allowed.add(mustNormalize(extra.trim(), 'extra origin'));
  }
  return { site, lab, lan, allowed };
}

const hostOf = (origin: string): string => new URL(origin).host.toLowerCase();

/**
 * The pair a request belongs to, by its Host header: a LAN pair when the Host names one of its
 * origins, the main pair otherwise (the request guard has already refused foreign hosts).
 */
export function pairForHost(origins: SiteOrigins, host: string | undefined): OriginPair {
  const wanted = host?.trim().toLowerCase();
  return origins.lan.find((pair) => hostOf(pair.site) === wanted || hostOf(pair.lab) === wanted) ?? { site: origins.site, lab: origins.lab };
}

/** True when a Host header names a lab origin (the main one or a LAN one). */
export function isLabHost(origins: SiteOrigins, host: string | undefined): boolean {
  const wanted = host?.trim().toLowerCase();
  return wanted !== undefined && [origins.lab, ...origins.lan.map((pair) => pair.lab)].some((lab) => hostOf(lab) === wanted);
}

/**
 * The site origins that may embed a pair's lab frame: a LAN lab only its own LAN site; the main
 * lab every other allowed origin that is neither a lab nor a LAN site (the 127.0.0.1 spelling,
 * BROKER_EXTRA_ORIGINS), as before LAN mode existed.
 */
export function embeddersOf(origins: SiteOrigins, pair: OriginPair): string[] {
  if (origins.lan.some((each) => each.lab === pair.lab)) return [pair.site];
  const excluded = new Set([origins.lab, ...origins.lan.flatMap((each) => [each.site, each.lab])]);
  return [...origins.allowed].filter((origin) => !excluded.has(origin));
}

/**
 * An HTTPS origin on an IPv4 address: what LAN mode serves, where each device must accept the
 * self-signed certificate once per origin (so a lab frame that never starts there most likely
 * waits for that).
 */
export function isLanOrigin(origin: string): boolean {
  const url = new URL(origin);
  return url.protocol === 'https:' && /^\d{1,3}(?:\.\d{1,3}){3}$/.test(url.hostname);
}
