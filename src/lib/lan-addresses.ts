/**
 * Which addresses `--lan` serves on: the machine's own IPv4 addresses that other devices on
 * the network can reach, or the ones LAN_HOST names. Takes the shape of
 * `os.networkInterfaces()` so it stays pure.
 */

export interface InterfaceAddress {
  readonly address: string;
  /** 'IPv4' | 'IPv6' (Node 18+); a number in Node 18.0–18.3. */
  readonly family: string | number;
  readonly internal: boolean;
}

export type Interfaces = Readonly<Record<string, readonly InterfaceAddress[] | undefined>>;

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/**
 * Link-local addresses (169.254/16) are what a machine gives itself when no DHCP answered:
 * no phone on a Wi-Fi reaches it there. IPv6 is left out because a phone typing or scanning
 * `https://[fe80::…]` is neither easy nor reliable.
 */
function reachable(entry: InterfaceAddress): boolean {
  const v4 = entry.family === 'IPv4' || entry.family === 4;
  return v4 && !entry.internal && isIpv4(entry.address) && !entry.address.startsWith('169.254.');
}

/** The LAN addresses to serve on, in interface order, without repeats. */
export function lanAddresses(interfaces: Interfaces, override?: string): string[] {
  if (override !== undefined && override.trim() !== '') {
    const listed = override.split(',').map((part) => part.trim()).filter((part) => part !== '');
    const bad = listed.find((part) => !isIpv4(part));
    if (bad !== undefined) throw new Error(`LAN_HOST must list IPv4 addresses (comma-separated), got ${JSON.stringify(bad)}`);
    return [...new Set(listed)];
  }
  const found: string[] = [];
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) if (reachable(entry)) found.push(entry.address);
  }
  return [...new Set(found)];
}
