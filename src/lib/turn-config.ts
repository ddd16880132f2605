/**
 * turnserver.conf for a public coturn, from a few answers: every line commented in the
 * learner's language, hardening included. Pure and total: bad input comes back as a list of
 * problems (each naming its field), never as an exception, because the lesson's form calls it
 * on every keystroke.
 */
import { parseIp } from './ip-address.ts';
import { DENIED_PEER_RANGES } from './turn-denied-peers.ts';
import { CONFIG_TEXT, type ConfigLanguage, type ConfigTextKey } from './turn-config-text.ts';

export type { ConfigLanguage } from './turn-config-text.ts';

export interface TurnUser {
  readonly name: string;
  readonly password: string;
}

export type TurnAuth =
  | { readonly mode: 'use-auth-secret'; readonly secret: string }
  | { readonly mode: 'lt-cred-mech'; readonly users: readonly TurnUser[] };

export interface TurnConfigInput {
  readonly language: ConfigLanguage;
  /** The domain clients use: written as `realm` and (unless `serverName`) `server-name`. */
  readonly domain: string;
  readonly serverName?: string;
  /** The server's public address, when the machine sits behind NAT (most cloud VMs). */
  readonly externalIp?: string;
  /** The private address that `externalIp` maps to (`external-ip=public/private`). */
  readonly privateIp?: string;
  readonly listeningIps?: readonly string[];
  readonly relayIps?: readonly string[];
  readonly listeningPort: number;
  readonly tlsListeningPort: number;
  readonly minPort: number;
  readonly maxPort: number;
  /** Both or neither: with them the server also listens for TLS and DTLS. */
  readonly cert?: string;
  readonly pkey?: string;
  readonly auth: TurnAuth;
  readonly userQuota?: number;
  readonly totalQuota?: number;
  readonly logFile?: string;
}

export type TurnConfigField =
  | 'domain'
  | 'serverName'
  | 'externalIp'
  | 'privateIp'
  | 'listeningIps'
  | 'relayIps'
  | 'listeningPort'
  | 'tlsListeningPort'
  | 'minPort'
  | 'maxPort'
  | 'cert'
  | 'pkey'
  | 'secret'
  | 'users'
  | 'userQuota'
  | 'totalQuota'
  | 'logFile';

export type TurnConfigProblem =
  | 'not-an-ip'
  | 'private-without-public'
  | 'not-a-domain'
  | 'not-a-port'
  | 'port-order'
  | 'port-clash'
  | 'not-a-path'
  | 'cert-without-key'
  | 'secret-too-short'
  | 'bad-characters'
  | 'no-users'
  | 'bad-user'
  | 'not-a-count';

export interface TurnConfigError {
  readonly field: TurnConfigField;
  readonly problem: TurnConfigProblem;
}

export type TurnConfigResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly errors: readonly TurnConfigError[] };

export const DEFAULT_PORTS = { listeningPort: 3478, tlsListeningPort: 5349, minPort: 49152, maxPort: 65535 } as const;
export const DEFAULT_QUOTAS = { userQuota: 12, totalQuota: 1200 } as const;
/** A guessable secret is no secret: 16 characters is the floor, the lesson suggests 32+ random ones. */
export const MIN_SECRET_LENGTH = 16;

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
/** Printable ASCII without spaces: anything else would end the value or confuse coturn's reader. */
const VALUE_CHARS = /^[\x21-\x7e]+$/;
const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;

export function isDomainName(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  return text.split('.').every((label) => HOST_LABEL.test(label));
}

function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 1_000_000;
}

function isPath(text: string): boolean {
  return text.startsWith('/') && VALUE_CHARS.test(text) && !text.includes('#');
}

export function validateTurnConfig(input: TurnConfigInput): TurnConfigError[] {
  const errors: TurnConfigError[] = [];
  const fail = (field: TurnConfigField, problem: TurnConfigProblem): void => {
    errors.push({ field, problem });
  };

  if (!isDomainName(input.domain)) fail('domain', 'not-a-domain');
  if (input.serverName !== undefined && input.serverName !== '' && !isDomainName(input.serverName)) {
    fail('serverName', 'not-a-domain');
  }
  if (input.externalIp && !parseIp(input.externalIp)) fail('externalIp', 'not-an-ip');
  if (input.privateIp) {
    if (!parseIp(input.privateIp)) fail('privateIp', 'not-an-ip');
    else if (!input.externalIp) fail('privateIp', 'private-without-public');
  }
  if (input.listeningIps?.some((ip) => !parseIp(ip))) fail('listeningIps', 'not-an-ip');
  if (input.relayIps?.some((ip) => !parseIp(ip))) fail('relayIps', 'not-an-ip');

  const tls = Boolean(input.cert || input.pkey);
  const ports: [TurnConfigField, number][] = [
    ['listeningPort', input.listeningPort],
    ...(tls ? [['tlsListeningPort', input.tlsListeningPort] as [TurnConfigField, number]] : []),
    ['minPort', input.minPort],
    ['maxPort', input.maxPort],
  ];
  for (const [field, value] of ports) if (!isPort(value)) fail(field, 'not-a-port');
  if (isPort(input.minPort) && isPort(input.maxPort) && input.minPort > input.maxPort) fail('maxPort', 'port-order');
  const inRelayRange = (port: number): boolean => port >= input.minPort && port <= input.maxPort;
  if (isPort(input.listeningPort) && inRelayRange(input.listeningPort)) fail('listeningPort', 'port-clash');
  if (tls && isPort(input.tlsListeningPort)) {
    if (input.tlsListeningPort === input.listeningPort || inRelayRange(input.tlsListeningPort)) {
      fail('tlsListeningPort', 'port-clash');
    }
  }

  if (input.cert && !isPath(input.cert)) fail('cert', 'not-a-path');
  if (input.pkey && !isPath(input.pkey)) fail('pkey', 'not-a-path');
  if (Boolean(input.cert) !== Boolean(input.pkey)) fail(input.cert ? 'pkey' : 'cert', 'cert-without-key');
  if (input.logFile !== undefined && input.logFile !== '' && !['stdout', 'syslog'].includes(input.logFile) && !isPath(input.logFile)) {
    fail('logFile', 'not-a-path');
  }

  if (input.auth.mode === 'use-auth-secret') {
    if (!VALUE_CHARS.test(input.auth.secret) && input.auth.secret !== '') fail('secret', 'bad-characters');
    else if (input.auth.secret.length < MIN_SECRET_LENGTH) fail('secret', 'secret-too-short');
  } else if (input.auth.users.length === 0) {
    fail('users', 'no-users');
  } else if (input.auth.users.some((user) => !USER_NAME.test(user.name) || !VALUE_CHARS.test(user.password))) {
    fail('users', 'bad-user');
  }

  if (input.userQuota !== undefined && !isCount(input.userQuota)) fail('userQuota', 'not-a-count');
  if (input.totalQuota !== undefined && !isCount(input.totalQuota)) fail('totalQuota', 'not-a-count');
  return errors;
}

/** One line of the file: a setting with the comment above it, or a section heading. */
type Entry = { readonly comment: string; readonly setting?: string };

function entries(input: TurnConfigInput): Entry[][] {
  const say = (key: ConfigTextKey): string => CONFIG_TEXT[key][input.language];
  const set = (key: ConfigTextKey, setting: string): Entry => ({ comment: say(key), setting });
  const tls = Boolean(input.cert && input.pkey);

  const network: Entry[] = [{ comment: say('sectionNetwork') }];
  for (const ip of input.listeningIps ?? []) network.push(set('listeningIp', `listening-ip=${ip}`));
  for (const ip of input.relayIps ?? []) network.push(set('relayIp', `relay-ip=${ip}`));
  if (input.externalIp) {
    network.push(
      input.privateIp
        ? set('externalIpPair', `external-ip=${input.externalIp}/${input.privateIp}`)
        : set('externalIp', `external-ip=${input.externalIp}`),
    );
  }
  network.push(set('listeningPort', `listening-port=${input.listeningPort}`));
  if (tls) network.push(set('tlsListeningPort', `tls-listening-port=${input.tlsListeningPort}`));
  network.push(set('minPort', `min-port=${input.minPort}`), set('maxPort', `max-port=${input.maxPort}`));

  const identity: Entry[] = [
    { comment: say('sectionIdentity') },
    set('realm', `realm=${input.domain}`),
    set('serverName', `server-name=${input.serverName || input.domain}`),
    set('fingerprint', 'fingerprint'),
  ];

  const auth: Entry[] = [{ comment: say('sectionAuth') }];
  if (input.auth.mode === 'use-auth-secret') {
    auth.push(set('useAuthSecret', 'use-auth-secret'), set('staticAuthSecret', `static-auth-secret=${input.auth.secret}`));
  } else {
    auth.push(set('ltCredMech', 'lt-cred-mech'));
    for (const user of input.auth.users) auth.push(set('user', `user=${user.name}:${user.password}`));
  }

  const tlsSection: Entry[] = [{ comment: say('sectionTls') }];
  if (tls) {
    tlsSection.push(
      set('cert', `cert=${input.cert}`),
      set('pkey', `pkey=${input.pkey}`),
      set('noTlsv1', 'no-tlsv1'),
      set('noTlsv11', 'no-tlsv1_1'),
    );
  } else {
    tlsSection.push(set('noTls', 'no-tls'), set('noDtls', 'no-dtls'));
  }

  const hardening: Entry[] = [
    { comment: say('sectionHardening') },
    set('noCli', 'no-cli'),
    set('noMulticastPeers', 'no-multicast-peers'),
    set('noSoftwareAttribute', 'no-software-attribute'),
    set('staleNonce', 'stale-nonce=600'),
    set('userQuota', `user-quota=${input.userQuota ?? DEFAULT_QUOTAS.userQuota}`),
    set('totalQuota', `total-quota=${input.totalQuota ?? DEFAULT_QUOTAS.totalQuota}`),
    { comment: say('deniedIntro') },
    ...deniedPeerEntries(input.language),
  ];

  const sections = [network, identity, auth, tlsSection, hardening];
  if (input.logFile) sections.push([{ comment: say('sectionLog') }, set('logFile', `log-file=${input.logFile}`)]);
  return sections;
}

function deniedPeerEntries(language: ConfigLanguage): Entry[] {
  return DENIED_PEER_RANGES.map((range) => ({ comment: `${range.cidr}: ${range.why[language]}`, setting: `denied-peer-ip=${range.range}` }));
}

function render(sections: readonly (readonly Entry[])[], header: readonly string[]): string {
  const lines = header.map((text) => `# ${text}`);
  for (const section of sections) {
    lines.push('');
    for (const entry of section) {
      lines.push(`# ${entry.comment}`);
      if (entry.setting) lines.push(entry.setting);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function generateTurnConfig(input: TurnConfigInput): TurnConfigResult {
  const errors = validateTurnConfig(input);
  if (errors.length > 0) return { ok: false, errors };
  const say = (key: ConfigTextKey): string => CONFIG_TEXT[key][input.language];
  return { ok: true, text: render(entries(input), [say('header'), say('headerComments')]) };
}

/**
 * The settings a first coturn config meets, hardening included, as the NAT lesson shows them:
 * the same lines and comments the generator writes, for a server at 203.0.113.10.
 */
export function hardeningExample(language: ConfigLanguage): string {
  const say = (key: ConfigTextKey): string => CONFIG_TEXT[key][language];
  const set = (key: ConfigTextKey, setting: string): Entry => ({ comment: say(key), setting });
  return render(
    [
      [
        set('listeningPort', `listening-port=${DEFAULT_PORTS.listeningPort}`),
        set('tlsListeningPort', `tls-listening-port=${DEFAULT_PORTS.tlsListeningPort}`),
        set('externalIp', 'external-ip=203.0.113.10'),
        set('minPort', `min-port=${DEFAULT_PORTS.minPort}`),
        set('maxPort', `max-port=${DEFAULT_PORTS.maxPort}`),
        set('fingerprint', 'fingerprint'),
        set('noCli', 'no-cli'),
        set('noMulticastPeers', 'no-multicast-peers'),
        { comment: say('deniedIntro') },
        ...deniedPeerEntries(language),
      ],
    ],
    [],
  ).trimStart();
}

/** The hardening lines alone, comments included. */
export function deniedPeerLines(language: ConfigLanguage): string {
  return render([[{ comment: CONFIG_TEXT.noMulticastPeers[language], setting: 'no-multicast-peers' }, ...deniedPeerEntries(language)]], []).trimStart();
}
