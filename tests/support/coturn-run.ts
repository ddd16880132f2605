/**
 * A real `turnserver` for a test: the given config text (plus where to put its pid, database
 * and log) written to a temporary folder, started, and ready once it answers a STUN Binding.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stunBinding } from './turn-client.ts';

export const hasTurnserver = spawnSync('turnserver', ['--version'], { stdio: 'ignore' }).status === 0;

export interface RunningCoturn {
  readonly log: () => string;
  stop(): Promise<void>;
}

/** A TCP port nobody holds right now (coturn takes the same number for UDP, free too on loopback in practice). */
/**
 * `count` different free ports: every one held open until all are chosen. Two freePort() calls
 * can get the same port back once the first is closed (CI once generated a config with the
 * TURN and TLS ports equal: "port-clash").
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<import('node:net').Server>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as import('node:net').AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startCoturn(configText: string, probe: { host: string; port: number }): Promise<RunningCoturn> {
  const dir = mkdtempSync(path.join(tmpdir(), 'coturn-'));
  const file = path.join(dir, 'turnserver.conf');
  // Test-only lines: a private pid file and user database, the log on stdout for a failing test to show.
  writeFileSync(file, `${configText}\npidfile=${dir}/pid\nuserdb=${dir}/turndb\nlog-file=stdout\n`);
  const child: ChildProcess = spawn('turnserver', ['-c', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 8000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await stunBinding(probe.host, probe.port).catch(() => false)) return { log: () => output, stop };
  }
  await stop();
  throw new Error(`turnserver did not answer on ${probe.host}:${probe.port}:\n${output}`);
}
