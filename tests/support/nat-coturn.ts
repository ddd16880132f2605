/**
 * coturn on the simulated public side: STUN and TURN over UDP on 203.0.113.1:3478, with
 * TURN REST credentials (use-auth-secret). Its pid file and user database go to a temporary
 * folder, so it shares nothing with another coturn on this machine.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mintTurnCredential } from '../../src/lib/turn-credentials.ts';
import type { Namespace } from './nat-namespaces.ts';
import { patient } from './patience.ts';

export interface PublicCoturn {
  readonly stunUrl: string;
  readonly turnUrl: string;
  /** Time-limited TURN credentials: username `expiry:user`, password base64 HMAC-SHA1 of it. */
  credentials(user: string): { username: string; credential: string };
  /** What coturn printed so far. */
  log(): string;
  stop(): Promise<void>;
}

export async function startPublicCoturn(ns: Namespace, address: string): Promise<PublicCoturn> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nat-coturn-'));
  const secret = randomBytes(18).toString('base64url');
  const conf = path.join(dir, 'turnserver.conf');
  writeFileSync(
    conf,
    [
      `listening-ip=${address}`,
      `relay-ip=${address}`,
      'listening-port=3478',
      'min-port=49152',
      'max-port=49999',
      'use-auth-secret',
      `static-auth-secret=${secret}`,
      'realm=nat.test',
      'fingerprint',
      'no-cli',
      'no-tls',
      'no-dtls',
      'no-tcp',
      `pidfile=${path.join(dir, 'turnserver.pid')}`,
      `userdb=${path.join(dir, 'turndb')}`,
      'log-file=stdout',
      'simple-log',
      '',
    ].join('\n'),
  );
  const child = spawn('nsenter', [`--net=${ns.path}`, 'turnserver', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const append = (chunk: Buffer): void => {
    log += chunk.toString();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`coturn did not start within ${patient(10_000) / 1000} s:\n${log}`)), patient(10_000));
    const onData = (): void => {
      // The listeners and relay ports are up once the general servers are counted.
      if (!log.includes('Total General servers')) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onData);
      resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`coturn exited (${code}) while starting:\n${log}`));
    });
  });
  return {
    log: () => log,
    stunUrl: `stun:${address}:3478`,
    turnUrl: `turn:${address}:3478?transport=udp`,
    credentials(user) {
      const { username, credential } = mintTurnCredential({ secret, user, ttlSeconds: 600, nowMs: Date.now() });
      return { username, credential };
    },
    async stop() {
      child.kill();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
