/**
 * The TURN URLs of one server and the choice among them by transport. Browser-safe: the lab
 * helper's turnCredentials({ transports }) filters with it in the frame.
 */
export type TurnTransport = 'udp' | 'tcp' | 'tls';

export const TURN_TRANSPORTS: readonly TurnTransport[] = ['udp', 'tcp', 'tls'];

export interface TurnPorts {
  /** UDP and TCP (`turn:`), 3478 unless taken. */
  readonly plain: number;
  /** TLS over TCP (`turns:`), 5349 unless taken. */
  readonly tls: number | null;
}

/**
 * `turns:` names the server by `tlsHost`, a name its certificate carries: Firefox never tries
 * `turns:` to an IP literal (measured: no connection, no error event), and checks the name.
 */
export function turnUrls(host: string, ports: TurnPorts, tlsHost = host): string[] {
  const urls = [`turn:${host}:${ports.plain}?transport=udp`, `turn:${host}:${ports.plain}?transport=tcp`];
  if (ports.tls !== null) urls.push(`turns:${tlsHost}:${ports.tls}?transport=tcp`);
  return urls;
}

/**
 * What turnCredentials() hands out unless asked: not TLS, because the local coturn's certificate
 * is self-signed and both Chromium and Firefox refuse it (measured: no relay candidate, an
 * icecandidateerror 701), which would put an error into every run.
 */
export const DEFAULT_TURN_TRANSPORTS: readonly TurnTransport[] = ['udp', 'tcp'];

/** Which transport a turn:/turns: URL uses (a turn: URL without `transport` is UDP, RFC 7065). */
export function transportOf(url: string): TurnTransport | null {
  const match = /^(turns?):[^?]+(?:\?transport=(udp|tcp))?$/i.exec(url.trim());
  if (!match) return null;
  if (match[1]?.toLowerCase() === 'turns') return 'tls';
  return match[2]?.toLowerCase() === 'tcp' ? 'tcp' : 'udp';
}

export function isTurnTransport(value: unknown): value is TurnTransport {
  return typeof value === 'string' && (TURN_TRANSPORTS as readonly string[]).includes(value);
}

/** Keeps the URLs that use one of `transports`. */
export function pickUrls(urls: readonly string[], transports: readonly TurnTransport[]): string[] {
  return urls.filter((url) => {
    const transport = transportOf(url);
    return transport !== null && transports.includes(transport);
  });
}

/**
 * A list of TURN URLs as an operator writes it (TURN_URLS: commas or spaces between them), or
 * what is wrong with it. Only turn:/turns: URLs: a STUN URL needs no credential, and one of our
 * own belongs in ICE_SERVERS.
 */
export function parseTurnUrlList(text: string): { readonly ok: true; readonly urls: string[] } | { readonly ok: false; readonly error: string } {
  const urls = text.split(/[\s,]+/).filter((each) => each !== '');
  if (urls.length === 0) return { ok: false, error: 'TURN_URLS names no server' };
  const bad = urls.find((url) => transportOf(url) === null || /\s/.test(url));
  if (bad !== undefined) return { ok: false, error: `TURN_URLS: not a turn: or turns: URL: ${JSON.stringify(bad)} (e.g. turn:turn1.example.org:3478?transport=udp)` };
  return { ok: true, urls };
}
