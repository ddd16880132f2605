import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { haproxyConfig, parseEndpoint, shardKeyOfPeerId, SHARD_KEY_STEPS } from '../../src/lib/broker-shards.ts';
import { MAX_ROOM_SIZE, ROOM_ALPHABET, roomIds, roomRoles } from '../../src/lib/pairing/room-code.ts';

const roomCode = fc.string({ unit: fc.constantFrom(...ROOM_ALPHABET), minLength: 4, maxLength: 4 });
const labId = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,4}$/).filter((id) => id.length <= 60);

const options = {
  listen: [{ host: '0.0.0.0', port: 80 }],
  site: { host: '10.0.0.5', port: 4321 },
  brokers: [
    { host: '10.0.0.6', port: 4401 },
    { host: 'broker-2.internal', port: 4401 },
    { host: '::1', port: 4402 },
  ],
  healthHost: 'webrtc.example.org',
  connectionsPerAddress: 256,
};

describe('the shard key', () => {
  it('is the same for every id of a room, every seat and both the page and the lab id', () => {
    fc.assert(
      fc.property(roomCode, labId, fc.integer({ min: 1, max: MAX_ROOM_SIZE }), (room, lab, size) => {
        const keys = new Set(roomRoles(Math.max(2, size)).flatMap((role) => Object.values(roomIds(room, lab, role)).map(shardKeyOfPeerId)));
        expect([...keys]).toEqual([`webrtclab-${lab}-${room}`]);
      }),
    );
  });

  it('differs between rooms of one lab, so rooms spread over the shards', () => {
    expect(shardKeyOfPeerId(roomIds('k7q2', 'chat', 'host').lab)).not.toBe(shardKeyOfPeerId(roomIds('k7q3', 'chat', 'host').lab));
  });

  it('never throws, whatever the id', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        expect(typeof shardKeyOfPeerId(id)).toBe('string');
      }),
    );
  });
});

describe('endpoints typed on the command line', () => {
  it('are host:port or [v6]:port', () => {
    expect(parseEndpoint('127.0.0.1:8080')).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(parseEndpoint('broker-1.internal:4401')).toEqual({ host: 'broker-1.internal', port: 4401 });
    expect(parseEndpoint('[::1]:4401')).toEqual({ host: '::1', port: 4401 });
    for (const bad of ['127.0.0.1', ':80', 'a:0', 'a:65536', 'a b:80', 'a:80 ; rm', '::1:80']) expect(parseEndpoint(bad)).toBeNull();
  });

  it('read back what the generator writes', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 1, max: 65535 }), (host, port) => {
        expect(parseEndpoint(`${host}:${port}`)).toEqual({ host, port });
      }),
    );
  });
});

describe('the HAProxy configuration', () => {
  const config = haproxyConfig(options);

  it('sends /peerjs/ to the brokers by room and the rest to the site', () => {
    expect(config).toContain('use_backend brokers if { path_beg /peerjs/ }');
    expect(config).toContain('default_backend site');
    expect(config).toContain('balance hash var(txn.room)');
    expect(config).toContain('hash-type consistent');
    expect(config).toContain('stick on var(txn.room)');
    expect(config).toContain('timeout check 3s');
    expect(config).toContain('server broker1 10.0.0.6:4401');
    expect(config).toContain('server broker2 broker-2.internal:4401');
    expect(config).toContain('server broker3 [::1]:4402');
    expect(config).toContain('server site 10.0.0.5:4321');
    expect(config).toContain('option forwardfor');
    expect(config).toContain('hdr Host webrtc.example.org');
    // The servers behind it see only the proxy's address: the per-client cap is the proxy's.
    expect(config).toContain('tcp-request connection reject if { sc_conn_cur(0) gt 256 }');
  });

  it('computes the room key with the same steps as shardKeyOfPeerId, unquoted', () => {
    const line = config.split('\n').find((each) => each.includes('set-var(txn.room)')) ?? '';
    expect(line).toBe(`  http-request set-var(txn.room) url_param(id)${SHARD_KEY_STEPS.map((step) => `,regsub(${step.source},)`).join('')}`);
    // HAProxy cannot take these inside a converter's argument.
    for (const step of SHARD_KEY_STEPS) expect(step.source).not.toMatch(/[(),|"'\\]/);
  });

  it('has a statistics page and a connection limit only when asked', () => {
    expect(config).not.toContain('stats enable');
    expect(config).not.toContain('maxconn');
    const more = haproxyConfig({ ...options, stats: { host: '127.0.0.1', port: 8404 }, maxConnections: 8000 });
    expect(more).toContain('bind 127.0.0.1:8404');
    expect(more).toContain('maxconn 8000');
  });

  it('speaks HTTPS (HTTP/1.1, for the WebSocket upgrade) on every address when given a certificate', () => {
    const tls = haproxyConfig({ ...options, listen: [{ host: '0.0.0.0', port: 443 }, { host: '::', port: 443 }], tlsCertificate: '/etc/haproxy/webrtc.pem' });
    expect(tls).toContain('bind 0.0.0.0:443 ssl crt /etc/haproxy/webrtc.pem alpn http/1.1');
    expect(tls).toContain('bind [::]:443 ssl crt /etc/haproxy/webrtc.pem alpn http/1.1');
    expect(() => haproxyConfig({ ...options, tlsCertificate: '/etc/a b.pem' })).toThrow(/certificate/);
  });

  it('refuses what HAProxy would misread', () => {
    expect(() => haproxyConfig({ ...options, brokers: [] })).toThrow(/broker/);
    expect(() => haproxyConfig({ ...options, listen: [] })).toThrow(/listen/);
    expect(() => haproxyConfig({ ...options, brokers: [{ host: 'a\n  server evil', port: 1 }] })).toThrow(/host/);
    expect(() => haproxyConfig({ ...options, site: { host: 'x', port: 0 } })).toThrow(/port/);
    expect(() => haproxyConfig({ ...options, healthHost: 'a b' })).toThrow(/Host/);
    expect(() => haproxyConfig({ ...options, checkIntervalMs: 10 })).toThrow(/checkIntervalMs/);
    expect(() => haproxyConfig({ ...options, maxConnections: 0 })).toThrow(/maxConnections/);
    expect(() => haproxyConfig({ ...options, connectionsPerAddress: 0 })).toThrow(/connectionsPerAddress/);
  });
});
