/**
 * The generator's configs run: each auth mode, with and without TLS, starts a real coturn that
 * answers STUN over UDP, accepts TCP (and a TLS handshake when it has a certificate), and lets a
 * client with the configured credentials allocate a relay. Listening and relay addresses are
 * loopback and the ports are free ones; everything else is the file a learner would copy.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { generate } from 'selfsigned';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTurnConfig, type TurnAuth } from '../../src/lib/turn-config.ts';
import { freePorts, hasTurnserver, startCoturn } from '../support/coturn-run.ts';
import { allocate, restCredentials } from '../support/turn-client.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'turn-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SECRET = 'generated-config-test-secret-0123456789';

function opens(connectTo: () => import('node:net').Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connectTo();
    socket.once('error', reject);
    socket.once(socket.constructor.name === 'TLSSocket' ? 'secureConnect' : 'connect', () => {
      socket.destroy();
      resolve();
    });
  });
}

describe.skipIf(!hasTurnserver)('generated turnserver.conf on a real coturn', () => {
  it('each auth mode, with and without TLS, listens and authenticates', async () => {
    const pems = await generate([{ name: 'commonName', value: 'turn.test' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' });
    writeFileSync(path.join(dir, 'cert.pem'), pems.cert);
    writeFileSync(path.join(dir, 'key.pem'), pems.private, { mode: 0o600 });
    const secretAuth: TurnAuth = { mode: 'use-auth-secret', secret: SECRET };
    const userAuth: TurnAuth = { mode: 'lt-cred-mech', users: [{ name: 'alice', password: 'wonder-land' }] };
    const cases = [
      { auth: secretAuth, tls: false },
      { auth: userAuth, tls: false },
      { auth: secretAuth, tls: true },
      { auth: userAuth, tls: true },
    ];

    const ports = await freePorts(cases.length * 2);
    // Relay ranges of 100 ports that hold none of the listening ports: both come from the
    // ephemeral range, and a fixed range caught a listening port about one run in ten.
    const relayBases: number[] = [];
    for (let base = 41_000; relayBases.length < cases.length; base += 100) {
      if (!ports.some((port) => port >= base && port <= base + 99)) relayBases.push(base);
    }
    await Promise.all(
      cases.map(async ({ auth, tls }, index) => {
        const listeningPort = ports[2 * index]!;
        const tlsListeningPort = ports[2 * index + 1]!;
        const result = generateTurnConfig({
          language: index % 2 ? 'ko' : 'en',
          domain: 'turn.test',
          externalIp: '203.0.113.10',
          listeningIps: ['127.0.0.1'],
          relayIps: ['127.0.0.1'],
          listeningPort,
          tlsListeningPort,
          minPort: relayBases[index]!,
          maxPort: relayBases[index]! + 99,
          ...(tls ? { cert: path.join(dir, 'cert.pem'), pkey: path.join(dir, 'key.pem') } : {}),
          auth,
        });
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        const coturn = await startCoturn(result.text, { host: '127.0.0.1', port: listeningPort });
        const label = `${auth.mode}${tls ? ' + TLS' : ''}`;
        try {
          await opens(() => tcpConnect(listeningPort, '127.0.0.1'));
          if (tls) await opens(() => tlsConnect({ port: tlsListeningPort, host: '127.0.0.1', rejectUnauthorized: false }));
          const credentials = auth.mode === 'use-auth-secret' ? restCredentials(SECRET, 'learner') : { username: 'alice', password: 'wonder-land' };
          const allocation = await allocate({ host: '127.0.0.1', port: listeningPort, ...credentials });
          allocation.close();
          await expect(allocate({ host: '127.0.0.1', port: listeningPort, ...credentials, password: 'wrong' }), label).rejects.toThrow('refused with 401');
        } catch (error) {
          throw new Error(`${label}: ${String(error)}\n${coturn.log()}`);
        } finally {
          await coturn.stop();
        }
      }),
    );
  });
});
