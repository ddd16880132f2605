import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrBounds, parseIp } from '../../src/lib/ip-address.ts';
import { DENIED_PEER_RANGES } from '../../src/lib/turn-denied-peers.ts';
import {
  DEFAULT_PORTS,
  deniedPeerLines,
  generateTurnConfig,
  type TurnConfigInput,
} from '../../src/lib/turn-config.ts';

const base: TurnConfigInput = {
  language: 'en',
  domain: 'turn.example.org',
  externalIp: '203.0.113.10',
  ...DEFAULT_PORTS,
  auth: { mode: 'use-auth-secret', secret: 'a-long-random-secret-0123456789' },
};

function text(input: TurnConfigInput): string {
  const result = generateTurnConfig(input);
  if (!result.ok) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return result.text;
}

/** Setting lines (not comments, not blank), in order. */
function settings(conf: string): string[] {
  return conf.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

describe('ip addresses', () => {
  it('reads IPv4, compressed IPv6 and IPv4-mapped IPv6, and refuses the rest', () => {
    expect(parseIp('169.254.169.254')).toEqual({ family: 4, value: 0xa9fea9fen });
    expect(parseIp('::1')).toEqual({ family: 6, value: 1n });
    expect(parseIp('::0')).toEqual({ family: 6, value: 0n });
    expect(parseIp('::ffff:127.0.0.1')).toEqual({ family: 6, value: 0xffff7f000001n });
    expect(parseIp('2001:db8::1')?.value).toBe((0x20010db8n << 96n) | 1n);
    for (const bad of ['', '1.2.3', '256.1.1.1', '01.2.3.4', '1::2::3', 'fe80::1%eth0', '1:2:3:4:5:6:7:8:9', 'example.org', ' 1.2.3.4']) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });
});

describe('denied peer ranges', () => {
  it('each range is exactly the CIDR block it names', () => {
    for (const entry of DENIED_PEER_RANGES) {
      const bounds = cidrBounds(entry.cidr);
      const [first, last = first] = entry.range.split('-');
      expect(bounds, entry.cidr).not.toBeNull();
      expect([parseIp(first ?? '')?.value, parseIp(last ?? '')?.value], entry.cidr).toEqual([bounds?.first, bounds?.last]);
    }
  });

  it('holds no zero address on its own and no IPv6 range from :: (coturn 4.6.1 then denies every peer)', () => {
    for (const entry of DENIED_PEER_RANGES) {
      const [first = '', last] = entry.range.split('-');
      const start = parseIp(first);
      expect(start?.value === 0n && (last === undefined || start.family === 6), entry.range).toBe(false);
    }
  });

  it('covers what issue 12 asks for, cloud metadata and the CVE-2026-27624 lines included', () => {
    const lines = deniedPeerLines('en');
    for (const range of [
      '0.0.0.0-0.255.255.255',
      '127.0.0.0-127.255.255.255',
      '10.0.0.0-10.255.255.255',
      '172.16.0.0-172.31.255.255',
      '192.168.0.0-192.168.255.255',
      '169.254.0.0-169.254.255.255',
      '100.64.0.0-100.127.255.255',
      '192.0.0.0-192.0.0.255',
      '198.18.0.0-198.19.255.255',
      '224.0.0.0-239.255.255.255',
      '240.0.0.0-255.255.255.255',
      '::1',
      'fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      'fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      'ff00::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      '::ffff:0.0.0.0-::ffff:255.255.255.255',
    ]) {
      expect(lines).toContain(`\ndenied-peer-ip=${range}\n`);
    }
    expect(lines).toMatch(/169\.254\.169\.254/);
    expect(lines).toMatch(/CVE-2026-27624/);
  });
});

describe('the generated turnserver.conf', () => {
  it('puts a comment above every setting, never beside it (coturn would read it as part of the value)', () => {
    for (const language of ['en', 'ko'] as const) {
      const lines = text({ ...base, language }).split('\n');
      lines.forEach((line, index) => {
        if (line === '' || line.startsWith('#')) return;
        expect(lines[index - 1], line).toMatch(/^# \S/);
        expect(line, line).not.toContain('#');
      });
    }
  });

  it('writes the hardening and the identity a production server needs', () => {
    const lines = settings(text(base));
    expect(lines.slice(0, 5)).toEqual(['external-ip=203.0.113.10', 'listening-port=3478', 'min-port=49152', 'max-port=65535', 'realm=turn.example.org']);
    for (const line of ['server-name=turn.example.org', 'fingerprint', 'use-auth-secret', 'static-auth-secret=a-long-random-secret-0123456789', 'no-cli', 'no-multicast-peers', 'stale-nonce=600', 'user-quota=12', 'total-quota=1200', 'no-tls', 'no-dtls']) {
      expect(lines).toContain(line);
    }
    expect(lines).not.toContain('allow-loopback-peers');
    expect(lines).not.toContain('lt-cred-mech');
    expect(lines.some((line) => line.startsWith('tls-listening-port'))).toBe(false);
  });

  it('with a certificate: TLS on its port, old TLS versions off', () => {
    const lines = settings(text({ ...base, cert: '/etc/letsencrypt/live/turn.example.org/fullchain.pem', pkey: '/etc/letsencrypt/live/turn.example.org/privkey.pem' }));
    expect(lines).toEqual(expect.arrayContaining(['tls-listening-port=5349', 'cert=/etc/letsencrypt/live/turn.example.org/fullchain.pem', 'pkey=/etc/letsencrypt/live/turn.example.org/privkey.pem', 'no-tlsv1', 'no-tlsv1_1']));
    expect(lines).not.toContain('no-tls');
  });

  it('long-term users, a public/private address pair, the listening and relay addresses', () => {
    const lines = settings(text({ ...base, externalIp: '203.0.113.10', privateIp: '10.0.0.5', listeningIps: ['10.0.0.5'], relayIps: ['10.0.0.5'], auth: { mode: 'lt-cred-mech', users: [{ name: 'alice', password: 's3cret!' }, { name: 'bob', password: 'x' }] } }));
    expect(lines).toEqual(expect.arrayContaining(['listening-ip=10.0.0.5', 'relay-ip=10.0.0.5', 'external-ip=203.0.113.10/10.0.0.5', 'lt-cred-mech', 'user=alice:s3cret!', 'user=bob:x']));
    expect(lines).not.toContain('use-auth-secret');
  });

  it('speaks Korean in its comments, with the same settings', () => {
    const ko = text({ ...base, language: 'ko' });
    expect(settings(ko)).toEqual(settings(text(base)));
    expect(ko).toMatch(/사설망/);
    expect(ko).toMatch(/릴레이/);
  });

  it('names the field of each problem', () => {
    const problems = (input: Partial<TurnConfigInput>, from: TurnConfigInput = base) => {
      const result = generateTurnConfig({ ...from, ...input });
      return result.ok ? [] : result.errors.map((error) => `${error.field}:${error.problem}`);
    };
    expect(problems({ domain: 'not a domain' })).toEqual(['domain:not-a-domain']);
    expect(problems({ externalIp: '203.0.113' })).toEqual(['externalIp:not-an-ip']);
    const { externalIp: _public, ...noPublic } = base;
    expect(problems({ privateIp: '10.0.0.5' }, noPublic)).toEqual(['privateIp:private-without-public']);
    expect(problems({ listeningPort: 70000 })).toEqual(['listeningPort:not-a-port']);
    expect(problems({ minPort: 60000, maxPort: 50000 })).toEqual(['maxPort:port-order']);
    expect(problems({ listeningPort: 50000 })).toEqual(['listeningPort:port-clash']);
    expect(problems({ cert: '/a.pem' })).toEqual(['pkey:cert-without-key']);
    expect(problems({ cert: 'relative.pem', pkey: '/k.pem' })).toEqual(['cert:not-a-path']);
    expect(problems({ auth: { mode: 'use-auth-secret', secret: 'short' } })).toEqual(['secret:secret-too-short']);
    expect(problems({ auth: { mode: 'use-auth-secret', secret: 'has a space in it, sixteen+' } })).toEqual(['secret:bad-characters']);
    expect(problems({ auth: { mode: 'lt-cred-mech', users: [] } })).toEqual(['users:no-users']);
    expect(problems({ auth: { mode: 'lt-cred-mech', users: [{ name: 'a:b', password: 'x' }] } })).toEqual(['users:bad-user']);
    expect(problems({ userQuota: -1 })).toEqual(['userQuota:not-a-count']);
  });
});

describe('the generator under arbitrary input', () => {
  const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', 'turn.example.org', '203.0.113.1', '::1', '/etc/x.pem', 'a\nb', 'x#y'));
  const anyNumber = fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.double(), fc.constantFrom(3478, 5349, 49152, 65535, Number.NaN));
  const anyInput: fc.Arbitrary<TurnConfigInput> = fc.record({
    language: fc.constantFrom('en' as const, 'ko' as const),
    domain: anyText,
    externalIp: anyText,
    privateIp: anyText,
    listeningIps: fc.array(anyText, { maxLength: 2 }),
    listeningPort: anyNumber,
    tlsListeningPort: anyNumber,
    minPort: anyNumber,
    maxPort: anyNumber,
    cert: anyText,
    pkey: anyText,
    auth: fc.oneof(
      fc.record({ mode: fc.constant('use-auth-secret' as const), secret: anyText }),
      fc.record({ mode: fc.constant('lt-cred-mech' as const), users: fc.array(fc.record({ name: anyText, password: anyText }), { maxLength: 3 }) }),
    ),
    userQuota: anyNumber,
  }, { requiredKeys: ['language', 'domain', 'listeningPort', 'tlsListeningPort', 'minPort', 'maxPort', 'auth'] });

  it('never throws; what it accepts is one clean setting per line, each under a comment', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = generateTurnConfig(input);
        if (!result.ok) return result.errors.length > 0;
        const lines = result.text.split('\n');
        return lines.every((line, index) => {
          if (line === '' || line.startsWith('# ')) return !/[\r\u2028\u2029]/.test(line);
          return /^[a-z0-9_-]+(=[\x21-\x7e]+)?$/.test(line) && (lines[index - 1] ?? '').startsWith('# ');
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never lets user text add a setting: the settings are those of the valid base plus the user lines', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string(), password: fc.string() }), { minLength: 1, maxLength: 3 }), (users) => {
        const result = generateTurnConfig({ ...base, auth: { mode: 'lt-cred-mech', users } });
        if (!result.ok) return true;
        const keys = settings(result.text).map((line) => line.split('=')[0]);
        return keys.filter((key) => key === 'user').length === users.length && !keys.includes('allow-loopback-peers');
      }),
      { numRuns: 300 },
    );
  });
});
