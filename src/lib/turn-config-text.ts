/**
 * The comments the generated turnserver.conf carries, in English and Korean. They are part of
 * the file the learner copies, not page chrome, so they live beside the generator rather than
 * in the UI string files.
 */
export type ConfigLanguage = 'en' | 'ko';
type Text = { readonly en: string; readonly ko: string };

export const CONFIG_TEXT = {
  header: {
    en: 'turnserver.conf for coturn, made by the WebRTC Lab generator.',
    ko: 'coturn용 turnserver.conf. WebRTC Lab 생성기로 만들었습니다.',
  },
  headerComments: {
    en: 'One option a line. A comment must sit on its own line: coturn keeps "realm=x # note" as the realm "x # note".',
    ko: '한 줄에 옵션 하나. 주석은 반드시 따로 한 줄에: coturn은 "realm=x # note"를 realm "x # note"로 읽습니다.',
  },
  sectionNetwork: { en: '--- Network ---', ko: '--- 네트워크 ---' },
  listeningIp: {
    en: 'Listen only on this local address (default: every address of the machine).',
    ko: '이 로컬 주소에서만 수신 (기본값: 장비의 모든 주소).',
  },
  relayIp: {
    en: 'Local address relayed traffic leaves from.',
    ko: '릴레이 트래픽이 나가는 로컬 주소.',
  },
  externalIp: {
    en: 'Public address to announce in relay candidates, for a server behind NAT (a cloud VM).',
    ko: 'NAT 뒤에 있는 서버(클라우드 VM 등)가 릴레이 후보에 알려 줄 공인 주소.',
  },
  externalIpPair: {
    en: 'Public address / the private address it maps to on this machine (a server behind NAT).',
    ko: '공인 주소 / 이 장비에서 그 주소에 대응하는 사설 주소 (NAT 뒤의 서버).',
  },
  listeningPort: {
    en: 'STUN and TURN over UDP and TCP. Open it in the firewall for UDP and TCP.',
    ko: 'UDP·TCP로 받는 STUN과 TURN. 방화벽에서 UDP와 TCP 모두 여세요.',
  },
  tlsListeningPort: {
    en: 'TURN over TLS (turns:) and DTLS; needs cert and pkey. Open it for TCP (and UDP for DTLS). Port 443 passes strict firewalls.',
    ko: 'TLS(turns:)와 DTLS로 받는 TURN. cert와 pkey가 필요합니다. 방화벽에서 TCP(DTLS는 UDP)를 여세요. 443 포트는 엄격한 방화벽도 통과합니다.',
  },
  minPort: {
    en: 'Lowest UDP port for relayed addresses. Open min-port..max-port for UDP in the firewall.',
    ko: '릴레이 주소에 쓰는 UDP 포트의 하한. 방화벽에서 min-port..max-port UDP를 여세요.',
  },
  maxPort: {
    en: 'Highest UDP port for relayed addresses; each allocation takes one.',
    ko: '릴레이 주소에 쓰는 UDP 포트의 상한. 할당 하나가 포트 하나를 씁니다.',
  },
  sectionIdentity: { en: '--- Identity ---', ko: '--- 서버 이름 ---' },
  realm: {
    en: 'Realm of the long-term credentials; browsers need one.',
    ko: '장기 자격 증명의 realm. 브라우저는 realm이 있어야 합니다.',
  },
  serverName: {
    en: 'Server name (used by oAuth; defaults to the realm).',
    ko: '서버 이름 (oAuth에서 씀. 기본값은 realm).',
  },
  fingerprint: {
    en: 'Add a FINGERPRINT attribute to every message (browsers expect it).',
    ko: '모든 메시지에 FINGERPRINT 속성을 붙임 (브라우저가 기대함).',
  },
  sectionAuth: { en: '--- Authentication ---', ko: '--- 인증 ---' },
  useAuthSecret: {
    en: 'Time-limited credentials (TURN REST API): username "expiry:user", password base64(HMAC-SHA1(secret, username)).',
    ko: '시간 제한 자격 증명 (TURN REST API): username은 "만료시각:사용자", password는 base64(HMAC-SHA1(secret, username)).',
  },
  staticAuthSecret: {
    en: 'The shared secret. Keep it on your servers only: whoever has it can mint credentials.',
    ko: '공유 비밀값. 서버에만 두세요. 이 값을 가진 사람은 누구나 자격 증명을 만들 수 있습니다.',
  },
  ltCredMech: {
    en: 'Long-term credentials: fixed usernames and passwords.',
    ko: '장기 자격 증명: 고정된 사용자 이름과 비밀번호.',
  },
  user: {
    en: 'A user as name:password (turnadmin -a can keep users in the database instead).',
    ko: 'name:password 형식의 사용자 (turnadmin -a로 데이터베이스에 둘 수도 있음).',
  },
  sectionTls: { en: '--- TLS ---', ko: '--- TLS ---' },
  cert: {
    en: 'Certificate chain (PEM) for turns: — a certificate browsers trust, for your domain.',
    ko: 'turns:용 인증서 체인 (PEM). 브라우저가 신뢰하는, 내 도메인의 인증서.',
  },
  pkey: {
    en: 'Private key (PEM) of that certificate; readable by the turnserver user only.',
    ko: '그 인증서의 개인 키 (PEM). turnserver 사용자만 읽을 수 있게.',
  },
  noTlsv1: { en: 'Refuse TLS 1.0 (and DTLS 1.0).', ko: 'TLS 1.0(DTLS 1.0) 거부.' },
  noTlsv11: { en: 'Refuse TLS 1.1.', ko: 'TLS 1.1 거부.' },
  noTls: { en: 'No certificate given: no TLS listener.', ko: '인증서가 없으므로 TLS 리스너를 열지 않음.' },
  noDtls: { en: 'No certificate given: no DTLS listener.', ko: '인증서가 없으므로 DTLS 리스너를 열지 않음.' },
  sectionHardening: { en: '--- Hardening ---', ko: '--- 보안 강화 ---' },
  noCli: {
    en: 'No telnet admin console (by default it listens on 127.0.0.1:5766).',
    ko: 'telnet 관리 콘솔 끔 (기본값은 127.0.0.1:5766에서 수신).',
  },
  noMulticastPeers: {
    en: 'Never relay to broadcast or multicast addresses.',
    ko: '브로드캐스트·멀티캐스트 주소로는 릴레이하지 않음.',
  },
  noSoftwareAttribute: {
    en: 'Do not tell clients the coturn version.',
    ko: '클라이언트에게 coturn 버전을 알리지 않음.',
  },
  staleNonce: {
    en: 'Nonces expire after 600 s, so a captured request cannot be replayed for long.',
    ko: 'nonce가 600초 뒤 만료되어, 가로챈 요청을 오래 재사용할 수 없음.',
  },
  userQuota: {
    en: 'At most this many allocations at once for one user.',
    ko: '사용자 한 명이 동시에 가질 수 있는 할당 수의 상한.',
  },
  totalQuota: {
    en: 'At most this many allocations at once on the whole server.',
    ko: '서버 전체에서 동시에 가질 수 있는 할당 수의 상한.',
  },
  deniedIntro: {
    en: 'Peers the relay must never reach. coturn takes one address or a range first-last (no CIDR).',
    ko: '릴레이가 절대 닿으면 안 되는 peer. coturn은 주소 하나나 first-last 범위만 받습니다 (CIDR 불가).',
  },
  sectionLog: { en: '--- Log ---', ko: '--- 로그 ---' },
  logFile: {
    en: 'Log file ("stdout" or "syslog" also work).',
    ko: '로그 파일 ("stdout", "syslog"도 가능).',
  },
} as const satisfies Record<string, Text>;

export type ConfigTextKey = keyof typeof CONFIG_TEXT;
