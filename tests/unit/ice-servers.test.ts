import { describe, expect, it } from 'vitest';
import { parseIceServers } from '../../src/lib/ice-servers.ts';

describe('ICE_SERVERS', () => {
  it('is none when unset', () => {
    expect(parseIceServers(undefined)).toEqual({ ok: true, servers: [] });
    expect(parseIceServers('  ')).toEqual({ ok: true, servers: [] });
  });
  it('reads STUN and TURN servers', () => {
    const text = JSON.stringify([{ urls: 'stun:127.0.0.1:3478' }, { urls: ['turn:127.0.0.1:3478?transport=udp'], username: 'u', credential: 'p' }]);
    expect(parseIceServers(text)).toEqual({ ok: true, servers: JSON.parse(text) });
  });
  it('refuses what a browser would refuse, with the reason', () => {
    expect(parseIceServers('{')).toMatchObject({ ok: false, error: 'ICE_SERVERS is not JSON' });
    expect(parseIceServers('{"urls":"stun:x"}')).toMatchObject({ ok: false });
    expect(parseIceServers('[{"urls":"http://x"}]')).toMatchObject({ ok: false, error: expect.stringContaining('urls') });
    expect(parseIceServers('[{"urls":"turn:x:3478"}]')).toMatchObject({ ok: false, error: expect.stringContaining('username') });
  });
});
