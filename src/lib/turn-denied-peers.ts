/**
 * The peer addresses a public TURN server must never relay to: the one declaration of them.
 * The config generator writes them as `denied-peer-ip` lines and the NAT lesson shows the same
 * lines. coturn 4.6.1 takes a single address or a range `first-last`, not CIDR
 * ("ERROR: Wrong address format: 10.0.0.0/8", measured), so each entry carries its range text;
 * a unit test checks that text against the CIDR block it names.
 *
 * No entry is the all-zero address or an IPv6 range starting at `::`. On coturn 4.6.1 such an
 * entry matches EVERY peer: with `denied-peer-ip=::0` (or `0.0.0.0`, `::-::`, `::-::1`) it
 * refused CreatePermission to 8.8.8.8 and 203.0.113.5 with 403, so the server relayed nothing
 * (measured, tests/server/turn-hardening.test.ts). The unspecified peer `::` itself is already
 * refused (403) by 4.6.1 without any line.
 */
export interface DeniedPeerRange {
  /** The block as people write it, for the comment. */
  readonly cidr: string;
  /** What `denied-peer-ip=` takes: `first-last`, or one address. */
  readonly range: string;
  readonly why: { readonly en: string; readonly ko: string };
  /** Set on the lines only coturn below this version needs (CVE-2026-27624); `why` says so too. */
  readonly neededBelow?: string;
}

export const DENIED_PEER_RANGES: readonly DeniedPeerRange[] = [
  {
    cidr: '0.0.0.0/8',
    range: '0.0.0.0-0.255.255.255',
    why: { en: '"this network": 0.0.0.0 reaches the server itself on many systems', ko: '"this network": 많은 시스템에서 0.0.0.0은 서버 자신에게 닿습니다' },
  },
  {
    cidr: '10.0.0.0/8',
    range: '10.0.0.0-10.255.255.255',
    why: { en: 'private network (RFC 1918)', ko: '사설망 (RFC 1918)' },
  },
  {
    cidr: '100.64.0.0/10',
    range: '100.64.0.0-100.127.255.255',
    why: { en: 'carrier-grade NAT space, also used inside clouds (RFC 6598)', ko: '통신사 NAT(CGNAT) 대역, 클라우드 내부에서도 씀 (RFC 6598)' },
  },
  {
    cidr: '127.0.0.0/8',
    range: '127.0.0.0-127.255.255.255',
    why: { en: 'loopback: services listening only on the server itself', ko: '루프백: 서버 자신에게만 열린 서비스' },
  },
  {
    cidr: '169.254.0.0/16',
    range: '169.254.0.0-169.254.255.255',
    why: { en: 'link-local, including the cloud metadata service 169.254.169.254', ko: '링크 로컬, 클라우드 메타데이터 서비스 169.254.169.254 포함' },
  },
  {
    cidr: '172.16.0.0/12',
    range: '172.16.0.0-172.31.255.255',
    why: { en: 'private network (RFC 1918)', ko: '사설망 (RFC 1918)' },
  },
  {
    cidr: '192.0.0.0/24',
    range: '192.0.0.0-192.0.0.255',
    why: { en: 'IETF protocol assignments (RFC 6890)', ko: 'IETF 프로토콜 할당 대역 (RFC 6890)' },
  },
  {
    cidr: '192.168.0.0/16',
    range: '192.168.0.0-192.168.255.255',
    why: { en: 'private network (RFC 1918)', ko: '사설망 (RFC 1918)' },
  },
  {
    cidr: '198.18.0.0/15',
    range: '198.18.0.0-198.19.255.255',
    why: { en: 'benchmarking networks (RFC 2544)', ko: '벤치마크용 대역 (RFC 2544)' },
  },
  {
    cidr: '224.0.0.0/4',
    range: '224.0.0.0-239.255.255.255',
    why: { en: 'IPv4 multicast', ko: 'IPv4 멀티캐스트' },
  },
  {
    cidr: '240.0.0.0/4',
    range: '240.0.0.0-255.255.255.255',
    why: { en: 'reserved, and the broadcast address 255.255.255.255', ko: '예약 대역과 브로드캐스트 주소 255.255.255.255' },
  },
  {
    cidr: '::1/128',
    range: '::1',
    why: { en: 'IPv6 loopback', ko: 'IPv6 루프백' },
  },
  {
    cidr: '::ffff:0.0.0.0/96',
    range: '::ffff:0.0.0.0-::ffff:255.255.255.255',
    why: {
      en: 'IPv4-mapped IPv6: ::ffff:127.0.0.1 slips past the IPv4 lines on coturn < 4.9 (CVE-2026-27624)',
      ko: 'IPv4 매핑 IPv6: coturn 4.9 미만에서 ::ffff:127.0.0.1이 IPv4 줄들을 피해 갑니다 (CVE-2026-27624)',
    },
    neededBelow: '4.9.0',
  },
  {
    cidr: 'fc00::/7',
    range: 'fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    why: { en: 'IPv6 unique local addresses (the private ranges of IPv6)', ko: 'IPv6 고유 로컬 주소 (IPv6의 사설 대역)' },
  },
  {
    cidr: 'fe80::/10',
    range: 'fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    why: { en: 'IPv6 link-local', ko: 'IPv6 링크 로컬' },
  },
  {
    cidr: 'ff00::/8',
    range: 'ff00::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    why: { en: 'IPv6 multicast', ko: 'IPv6 멀티캐스트' },
  },
];
