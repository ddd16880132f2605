import { describe, expect, it } from 'vitest';
import { iceUrlHost, isThisMachine, publicIceUrls, thirdParty } from '../support/this-machine.ts';
import type { FeedEvent } from '../../src/lib/feed.ts';

describe('what counts as this machine', () => {
  it('is loopback, *.localhost and the test namespace’s address', () => {
    for (const host of ['localhost', 'lab.localhost', '127.0.0.1', '127.30.4.1', '[::1]', '10.99.0.1']) expect(isThisMachine(host)).toBe(true);
    for (const host of ['example.org', 'localhost.example.org', '10.99.0.2', '8.8.8.8', '::2']) expect(isThisMachine(host)).toBe(false);
  });

  it('names requests that leave it, and lets page-local schemes by', () => {
    expect(thirdParty('http://localhost:4321/_astro/x.js')).toBeNull();
    expect(thirdParty('ws://lab.localhost:4321/peerjs/peerjs?id=a')).toBeNull();
    expect(thirdParty('data:text/plain,hi')).toBeNull();
    expect(thirdParty('blob:http://localhost:4321/1-2')).toBeNull();
    expect(thirdParty('https://fonts.googleapis.com/css')).toBe('https://fonts.googleapis.com/css');
  });
});

describe('public ICE servers in a feed', () => {
  const config = (urls: string[]): FeedEvent => ({
    type: 'pc-created',
    pc: 'pc1',
    at: 1,
    config: {
      t: 'object',
      tag: 'Object',
      entries: [['iceServers', { t: 'array', items: [{ t: 'object', tag: 'Object', entries: [['urls', { t: 'array', items: urls.map((v) => ({ t: 'string', v })), more: 0 }]], more: 0 }], more: 0 }]],
      more: 0,
    },
  });

  it('reads the host of stun:, turn: and turns: URLs', () => {
    expect(iceUrlHost('turn:127.0.0.1:3478?transport=udp')).toBe('127.0.0.1');
    expect(iceUrlHost('turns:localhost:5349?transport=tcp')).toBe('localhost');
    expect(iceUrlHost('stun:[::1]:3478')).toBe('::1');
    expect(iceUrlHost('stun:stun.l.google.com:19302')).toBe('stun.l.google.com');
  });

  it('finds PeerJS’s old defaults and lets the local coturn by', () => {
    expect(publicIceUrls([config(['stun:stun.l.google.com:19302', 'turn:eu-0.turn.peerjs.com:3478'])])).toEqual(['stun:stun.l.google.com:19302', 'turn:eu-0.turn.peerjs.com:3478']);
    expect(publicIceUrls([config(['turn:127.0.0.1:3478?transport=udp', 'turns:localhost:5349?transport=tcp'])])).toEqual([]);
  });
});
