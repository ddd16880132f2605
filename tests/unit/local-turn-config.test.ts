import { describe, expect, it } from 'vitest';
import { localTurnConfig } from '../../src/server/local-turn-config.ts';

const BASE = {
  port: 3478,
  tlsPort: 5349,
  relayPorts: { min: 49152, max: 49251 },
  secret: 'a'.repeat(64),
  realm: 'webrtc-lab.localhost',
  certFile: '/p/.turn/tls/cert.pem',
  keyFile: '/p/.turn/tls/key.pem',
  stateDir: '/p/.turn',
};

describe('the local coturn config', () => {
  it('listens and relays on loopback only, with TURN REST auth, a realm and a small relay range', () => {
    const lines = localTurnConfig(BASE).split('\n');
    for (const line of [
      'listening-ip=127.0.0.1',
      'relay-ip=127.0.0.1',
      'listening-port=3478',
      'tls-listening-port=5349',
      'min-port=49152',
      'max-port=49251',
      'use-auth-secret',
      `static-auth-secret=${'a'.repeat(64)}`,
      'realm=webrtc-lab.localhost',
      'fingerprint',
      'no-cli',
      'no-multicast-peers',
      'allow-loopback-peers',
      'log-file=stdout',
    ]) {
      expect(lines).toContain(line);
    }
    expect(lines.filter((line) => line.startsWith('listening-ip='))).toHaveLength(1);
  });

  it('drops TLS without a port, and refuses a value that would add a line of its own', () => {
    expect(localTurnConfig({ ...BASE, tlsPort: null })).toContain('\nno-tls\n');
    expect(() => localTurnConfig({ ...BASE, certFile: null })).toThrow(/certFile/);
    expect(() => localTurnConfig({ ...BASE, stateDir: '/tmp/x\nno-auth' })).toThrow(/one line/);
  });
});
