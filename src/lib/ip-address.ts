/**
 * IP address text → number, for checking what a learner typed and for comparing ranges.
 * Written here rather than taken from node:net because the config form runs the same code
 * in the browser.
 */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

const V4_PART = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => V4_PART.test(part))) return null;
  return parts.reduce((sum, part) => (sum << 8n) | BigInt(Number(part)), 0n);
}

/** Full and `::`-compressed forms, with an optional dotted IPv4 tail (`::ffff:1.2.3.4`). No zone ids. */
export function parseIpv6(text: string): bigint | null {
  let head = text;
  let tail: bigint[] = [];
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (v4 === null) return null;
    tail = [v4 >> 16n, v4 & 0xffffn];
    head = text.slice(0, lastColon + 1);
    // "::1.2.3.4" leaves "::", "a::1.2.3.4" leaves "a::", "a:b:…:1.2.3.4" leaves "a:b:…:" → drop that last colon.
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string | undefined): string[] | null => {
    if (!half) return [];
    const list = half.split(':');
    return list.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group)) ? list : null;
  };
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  if (left === null || right === null) return null;
  const given = left.length + right.length + tail.length;
  if (halves.length === 2 ? given > 7 : given !== 8) return null;
  const zeros = halves.length === 2 ? 8 - given : 0;
  const all = [
    ...left.map((group) => BigInt(parseInt(group, 16))),
    ...Array<bigint>(zeros).fill(0n),
    ...right.map((group) => BigInt(parseInt(group, 16))),
    ...tail,
  ];
  return all.reduce((sum, group) => (sum << 16n) | group, 0n);
}

export function parseIp(text: string): IpAddress | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  return v6 === null ? null : { family: 6, value: v6 };
}

/** First and last address of a CIDR block, e.g. `169.254.0.0/16`. */
export function cidrBounds(cidr: string): { family: 4 | 6; first: bigint; last: bigint } | null {
  const [base, bitsText, extra] = cidr.split('/');
  if (base === undefined || bitsText === undefined || extra !== undefined || !/^\d{1,3}$/.test(bitsText)) return null;
  const address = parseIp(base);
  if (!address) return null;
  const width = address.family === 4 ? 32n : 128n;
  const bits = BigInt(Number(bitsText));
  if (bits > width) return null;
  const hostMask = (1n << (width - bits)) - 1n;
  const first = address.value & ~hostMask & ((1n << width) - 1n);
  return { family: address.family, first, last: first | hostMask };
}
