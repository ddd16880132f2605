/**
 * TURN past one box: two real coturns sharing one `static-auth-secret`, and the site's credential
 * endpoint configured for both (TURN_SECRET_FILE, TURN_URLS). One minted credential allocates and
 * relays on either server. NO_TURN=1 skips.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalTurn, type LocalTurn } from '../../src/server/coturn.ts';
import { sharedTurn } from '../../src/server/shared-turn.ts';
import { turnCredentialsRoute } from '../../src/server/turn-route.ts';
import { readServerConfig } from '../../src/server/config.ts';
import { TURN_CREDENTIALS_PATH, type TurnCredentialsBody } from '../../src/lib/turn-response.ts';

const skip = process.env['NO_TURN'] === '1';

function uclient(args: readonly string[]): Promise<string> {
  return new Promise((resolve) => execFile('turnutils_uclient', args, { timeout: 15_000 }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`)));
}

describe.skipIf(skip)('TURN servers sharing one secret', () => {
  let dir = '';
  const turns: LocalTurn[] = [];
  let url = '';
  let close = (): void => {};

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'shared-turn-'));
    const secret = 'c0ffee'.repeat(10) + 'abcd'; // 64 hex characters, as turn-secret.ts keeps them
    const secretFile = path.join(dir, 'secret');
    writeFileSync(secretFile, `${secret}\n`);
    chmodSync(secretFile, 0o600);
    // Each coturn finds the shared secret in its state directory, as an operator copies it to each host.
    for (const [index, ports] of [
      [0, { port: 3590, tlsPort: 5460, relayPorts: { min: 49560, max: 49579 } }],
      [1, { port: 3592, tlsPort: 5462, relayPorts: { min: 49580, max: 49599 } }],
    ] as const) {
      const stateDir = path.join(dir, `turn${index}`);
      mkdirSync(stateDir, { mode: 0o700 });
      writeFileSync(path.join(stateDir, 'secret'), `${secret}\n`, { mode: 0o600 });
      const status = await startLocalTurn({ ttlSeconds: 60, stateDir, ...ports });
      if (!status.running) throw new Error(`coturn ${index} did not start: ${status.reason}\n${(status.log ?? []).join('\n')}`);
      turns.push(status.turn);
    }
    const urls = turns.flatMap((turn) => turn.urls.filter((each) => each.startsWith('turn:')));
    const config = readServerConfig({ TURN_SECRET_FILE: secretFile, TURN_URLS: urls.join(','), TURN_TTL: '120' });
    expect(config.turn.enabled, 'no local coturn when a deployment names its own').toBe(false);
    const shared = config.turn.shared;
    if (!shared) throw new Error('TURN_SECRET_FILE and TURN_URLS were not read');
    const app = express().use(turnCredentialsRoute({ status: () => sharedTurn({ ...shared, ttlSeconds: config.turn.ttlSeconds }), trustProxy: false }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${TURN_CREDENTIALS_PATH}`;
    close = () => server.close();
  });
  afterAll(async () => {
    close();
    await Promise.all(turns.map((turn) => turn.close()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('hand out one credential listing every server, which relays on each of them', async () => {
    const body = (await (await fetch(url)).json()) as TurnCredentialsBody;
    const [server] = body.iceServers;
    if (!server) throw new Error('no ICE server in the answer');
    expect(body.ttl).toBe(120);
    for (const turn of turns) expect(server.urls).toContain(turn.urls[0]);
    const { username = '', credential = '' } = server;
    const outputs = await Promise.all(turns.map((turn) => uclient(['-c', '-z', '1', '-y', '-n', '5', '-m', '1', '-u', username, '-w', credential, '-p', String(turn.ports.plain), '127.0.0.1'])));
    for (const output of outputs) expect(output).toMatch(/Total lost packets 0 \(0\.000000%\)/);
  });
});

describe('a deployment’s configuration', () => {
  it('needs both the secret file and the URLs, and only turn: or turns: URLs', () => {
    expect(() => readServerConfig({ TURN_URLS: 'turn:a.example:3478' })).toThrow(/go together/);
    expect(() => readServerConfig({ TURN_SECRET_FILE: '/x', TURN_URLS: 'stun:a.example:3478' })).toThrow(/turn: or turns:/);
    expect(readServerConfig({}).turn.shared).toBeNull();
  });

  it('raises the broker’s caps for a class behind one address', () => {
    const limits = readServerConfig({ BROKER_MAX_PER_IP: '192', BROKER_MAX_PER_NETWORK: '256' }).limits;
    expect([limits.connectionsPerIp, limits.connectionsPerPrefix]).toEqual([192, 256]);
    expect(() => readServerConfig({ BROKER_MAX_PER_NETWORK: 'many' })).toThrow(/BROKER_MAX_PER_NETWORK/);
  });

  it('refuses a secret anyone could guess', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shared-turn-short-'));
    try {
      writeFileSync(path.join(dir, 'secret'), 'hunter2\n', { mode: 0o600 });
      expect(() => sharedTurn({ secretFile: path.join(dir, 'secret'), urls: ['turn:a.example:3478'], ttlSeconds: 60 })).toThrow(/at least 16/);
      const warnings: string[] = [];
      writeFileSync(path.join(dir, 'open'), 'a'.repeat(32), { mode: 0o644 });
      chmodSync(path.join(dir, 'open'), 0o644);
      sharedTurn({ secretFile: path.join(dir, 'open'), urls: ['turn:a.example:3478'], ttlSeconds: 60, warn: (line) => warnings.push(line) });
      expect(warnings.join('')).toContain('chmod 600');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
