/**
 * A production-style generated config (no allow-loopback-peers) on loopback: an authenticated
 * client's CreatePermission toward each denied kind of peer is refused with 403, while a public
 * peer is granted. And the CVE-2026-27624 lines are what stops ::ffff:127.0.0.1 on coturn 4.6.1:
 * without them the same request is granted. The `::0` line sometimes given with them is left out:
 * on 4.6.1 it denies every peer (tested last).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTurnConfig } from '../../src/lib/turn-config.ts';
import { freePort, hasTurnserver, startCoturn, type RunningCoturn } from '../support/coturn-run.ts';
import { allocate, restCredentials, type Allocation } from '../support/turn-client.ts';

const SECRET = 'hardening-test-secret-0123456789';

async function productionCoturn(edit: (text: string) => string = (text) => text): Promise<{ coturn: RunningCoturn; port: number }> {
  const port = await freePort();
  // A relay range of its own per server, on the other side of 45000 from the listening port
  // (a free port can be anywhere in the ephemeral range: CI once drew one inside the range).
  const relayBase = (port < 45_000 ? 50_000 : 40_000) + (port % 20) * 100;
  const result = generateTurnConfig({
    language: 'en',
    domain: 'turn.test',
    listeningIps: ['127.0.0.1'],
    relayIps: ['127.0.0.1', '::1'],
    listeningPort: port,
    tlsListeningPort: 5349,
    minPort: relayBase,
    maxPort: relayBase + 99,
    auth: { mode: 'use-auth-secret', secret: SECRET },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { coturn: await startCoturn(edit(result.text), { host: '127.0.0.1', port }), port };
}

describe.skipIf(!hasTurnserver)('a production-style coturn refuses to relay inward', () => {
  let server: { coturn: RunningCoturn; port: number };
  let v4: Allocation;
  let v6: Allocation;
  beforeAll(async () => {
    server = await productionCoturn();
    v4 = await allocate({ host: '127.0.0.1', port: server.port, ...restCredentials(SECRET, 'a') });
    // An IPv6 relayed address: a peer's family must match the allocation's (else 443, not 403).
    v6 = await allocate({ host: '127.0.0.1', port: server.port, ...restCredentials(SECRET, 'b'), family: 6 });
  });
  afterAll(async () => {
    v4?.close();
    v6?.close();
    await server?.coturn.stop();
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', '10/8'],
    ['172.20.0.1', '172.16/12'],
    ['192.168.1.1', '192.168/16'],
    ['169.254.169.254', 'cloud metadata'],
    ['100.64.0.1', 'CGNAT'],
    ['0.1.2.3', '0/8'],
    ['192.0.0.8', '192.0.0/24'],
    ['198.18.0.1', 'benchmark'],
    ['239.1.1.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
  ])('IPv4 peer %s (%s) → 403', async (peer) => {
    expect(await v4.permit(peer)).toBe(403);
  });

  it.each([
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback (CVE-2026-27624)'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['fd00::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::', 'unspecified'],
  ])('IPv6 peer %s (%s) → 403', async (peer) => {
    expect(await v6.permit(peer)).toBe(403);
  });

  it('still relays to public peers of either family', async () => {
    expect(await v4.permit('203.0.113.5')).toBe(0);
    expect(await v6.permit('2001:db8::1')).toBe(0);
  });

  it('without the IPv4-mapped line, coturn 4.6.1 grants ::ffff:127.0.0.1 (the CVE the line closes)', async () => {
    const open = await productionCoturn((text) => text.replace(/^denied-peer-ip=::ffff:.*$/m, ''));
    try {
      const allocation = await allocate({ host: '127.0.0.1', port: open.port, ...restCredentials(SECRET, 'c'), family: 6 });
      expect(await allocation.permit('::ffff:127.0.0.1')).toBe(0);
      expect(await allocation.permit('::1')).toBe(403);
      allocation.close();
    } finally {
      await open.coturn.stop();
    }
  });

  it('a denied-peer-ip=::0 line (often suggested for the same CVE) makes 4.6.1 refuse every peer, public ones too', async () => {
    const shut = await productionCoturn((text) => `${text}\ndenied-peer-ip=::0\n`);
    try {
      const allocation = await allocate({ host: '127.0.0.1', port: shut.port, ...restCredentials(SECRET, 'd') });
      expect(await allocation.permit('203.0.113.5')).toBe(403);
      allocation.close();
    } finally {
      await shut.coturn.stop();
    }
  });
});
