import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectPeer, relayExchange, startBroker, type BrokerFixture, type TestPeer } from './fixture.ts';

let fixture: BrokerFixture;
const peers: TestPeer[] = [];
const peer = (...args: Parameters<typeof connectPeer>): TestPeer => {
  const p = connectPeer(...args);
  peers.push(p);
  return p;
};

async function openPair(): Promise<[TestPeer, TestPeer]> {
  const a = peer(fixture.port, `a-${crypto.randomUUID()}`, { origin: fixture.origin });
  const b = peer(fixture.port, `b-${crypto.randomUUID()}`, { origin: fixture.origin });
  await Promise.all([a.next('OPEN'), b.next('OPEN')]);
  return [a, b];
}

afterEach(async () => {
  for (const p of peers.splice(0)) p.ws.terminate();
  await fixture.close();
});

describe('broker: what an honest client gets', () => {
  beforeEach(async () => {
    fixture = await startBroker();
  });

  it('hands out a random id over REST and answers the banner', async () => {
    const res = await fetch(`http://127.0.0.1:${fixture.port}/peerjs/peerjs/id`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const banner = (await (await fetch(`http://127.0.0.1:${fixture.port}/peerjs`)).json()) as { name: string };
    expect(banner.name).toBe('PeerJS Server');
  });

  it('relays an OFFER from one client to another, with the sender stamped by the server', async () => {
    const [a, b] = await openPair();
    a.send({ type: 'OFFER', dst: b.id, src: 'spoofed', payload: { sdp: { type: 'offer', sdp: 'v=0\r\n' } } });
    const offer = await b.next('OFFER');
    expect(offer.src).toBe(a.id);
    expect(offer.payload).toEqual({ sdp: { type: 'offer', sdp: 'v=0\r\n' } });
  });

  it('relays a message just under the 64 KiB cap', async () => {
    const [a, b] = await openPair();
    const sdp = 'a=x'.padEnd(60 * 1024, 'x');
    a.send({ type: 'OFFER', dst: b.id, payload: { sdp } });
    expect(((await b.next('OFFER')).payload as { sdp: string }).sdp).toHaveLength(sdp.length);
  });

  it('leaves WebSocket upgrades on other paths alone', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${fixture.port}/other`);
    const reply = await new Promise<string>((resolve, reject) => {
      ws.on('open', () => ws.send('hi'));
      ws.on('message', (data) => resolve(String(data)));
      ws.on('error', reject);
    });
    ws.close();
    expect(reply).toBe('echo:hi');
  });

  it('keeps REST CORS to its own origins', async () => {
    const url = `http://127.0.0.1:${fixture.port}/peerjs/peerjs/id`;
    const foreign = await fetch(url, { headers: { Origin: 'http://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const own = await fetch(url, { headers: { Origin: fixture.origin } });
    expect(own.headers.get('access-control-allow-origin')).toBe(fixture.origin);
  });

  it('keeps peer discovery off', async () => {
    await openPair();
    const res = await fetch(`http://127.0.0.1:${fixture.port}/peerjs/peerjs/peers`);
    expect(res.status).toBe(401);
  });
});

describe('broker: bad input gets a clear answer and hurts no one else', () => {
  beforeEach(async () => {
    fixture = await startBroker({ connectionsPerIp: 4 });
  });

  it('closes a socket that sends an oversized frame (1009) while an honest pair relays everything', async () => {
    const [a, b] = await openPair();
    const attacker = peer(fixture.port, 'big', { origin: fixture.origin, localAddress: '127.0.0.2' });
    await attacker.next('OPEN');
    const exchange = relayExchange(a, b, 50);
    attacker.send({ type: 'OFFER', dst: b.id, payload: 'x'.repeat(64 * 1024 + 1) });
    expect((await attacker.closed).code).toBe(1009);
    expect(await exchange).toEqual(Array.from({ length: 50 }, (_, n) => n));
    expect(b.received.filter((m) => m.src === 'big')).toEqual([]);
  });

  it('closes a flooding socket (1008) while an honest pair relays everything', async () => {
    const [a, b] = await openPair();
    const flooder = peer(fixture.port, 'flood', { origin: fixture.origin, localAddress: '127.0.0.3' });
    await flooder.next('OPEN');
    const exchange = relayExchange(a, b, 50);
    const started = performance.now();
    for (let i = 0; i < 2000 && flooder.ws.readyState === WebSocket.OPEN; i++) {
      flooder.send({ type: 'CANDIDATE', dst: b.id, payload: { i } });
    }
    expect(await flooder.closed).toEqual({ code: 1008, reason: 'message rate limit exceeded' });
    const floodSeconds = (performance.now() - started) / 1000;
    expect(await exchange).toHaveLength(50);
    // The burst (100), plus what the bucket refilled (20/s) while the flood lasted on a busy
    // machine, is all that got through; the rest never reached PeerServer.
    expect(b.received.filter((m) => m.src === 'flood').length).toBeLessThanOrEqual(100 + Math.ceil(20 * floodSeconds));
    expect(fixture.broker.stats().refused.rate).toBe(1);
  });

  it('answers a malformed message with an ERROR and closes (1007)', async () => {
    const [a, b] = await openPair();
    const sloppy = peer(fixture.port, 'sloppy', { origin: fixture.origin });
    await sloppy.next('OPEN');
    sloppy.send('this is not json');
    expect((await sloppy.next('ERROR')).payload).toEqual({ msg: 'Malformed message: not JSON' });
    expect(await sloppy.closed).toEqual({ code: 1007, reason: 'malformed message: not JSON' });
    expect(await relayExchange(a, b, 5)).toHaveLength(5);
  });

  it('refuses binary frames (1003)', async () => {
    const p = peer(fixture.port, 'binary', { origin: fixture.origin });
    await p.next('OPEN');
    p.ws.send(new Uint8Array([1, 2, 3]));
    expect((await p.closed).code).toBe(1003);
  });

  it('closes a socket from a foreign Origin (1008) before PeerServer sees it', async () => {
    const evil = peer(fixture.port, 'evil', { origin: 'http://evil.example' });
    expect(await evil.closed).toEqual({ code: 1008, reason: 'origin not allowed: http://evil.example' });
    expect(evil.received).toEqual([]);
    // The id was never registered, so an honest client can take it.
    const honest = peer(fixture.port, 'evil', { origin: fixture.origin });
    await honest.next('OPEN');
  });

  it('answers a missing or wrong key with PeerServer’s ERROR', async () => {
    const nokey = peer(fixture.port, 'nokey', { origin: fixture.origin, query: { id: 'nokey', token: 't' } });
    expect((await nokey.next('ERROR')).payload).toEqual({ msg: 'No id, token, or key supplied to websocket server' });
    await nokey.closed;
    const wrong = peer(fixture.port, 'wrong', { origin: fixture.origin, query: { key: 'nope', id: 'wrong', token: 't' } });
    expect((await wrong.next('ERROR')).payload).toEqual({ msg: 'Invalid key provided' });
    await wrong.closed;
  });

  it('caps concurrent sockets per address (1013) and frees the slot on close', async () => {
    const own = Array.from({ length: 4 }, (_, i) => peer(fixture.port, `ip-${i}`, { origin: fixture.origin, localAddress: '127.0.0.4' }));
    await Promise.all(own.map((p) => p.next('OPEN')));
    const fifth = peer(fixture.port, 'ip-4', { origin: fixture.origin, localAddress: '127.0.0.4' });
    expect((await fifth.closed).code).toBe(1013);
    const elsewhere = peer(fixture.port, 'other-ip', { origin: fixture.origin, localAddress: '127.0.0.5' });
    await elsewhere.next('OPEN');
    own[0]?.ws.close();
    await own[0]?.closed;
    const again = peer(fixture.port, 'ip-5', { origin: fixture.origin, localAddress: '127.0.0.4' });
    await again.next('OPEN');
  });

  it('refuses a taken id to a different token', async () => {
    const first = peer(fixture.port, 'same', { origin: fixture.origin });
    await first.next('OPEN');
    const second = peer(fixture.port, 'same', { origin: fixture.origin });
    expect((await second.next('ID-TAKEN')).type).toBe('ID-TAKEN');
  });
});

describe('broker: memory an attacker cannot pin', () => {
  it('closes a socket whose payload is thousands of tiny objects (1007), before PeerServer queues it', async () => {
    fixture = await startBroker();
    const [a, b] = await openPair();
    const attacker = peer(fixture.port, `x-${crypto.randomUUID()}`, { origin: fixture.origin, localAddress: '127.0.0.4' });
    await attacker.next('OPEN');
    const exchange = relayExchange(a, b, 20);
    attacker.send({ type: 'OFFER', dst: 'absent-id', payload: Array.from({ length: 20_000 }, () => ({})) });
    expect(await attacker.closed).toEqual({ code: 1007, reason: 'malformed message: payload has more than 256 values' });
    expect(await exchange).toHaveLength(20);
  });

  it('caps what waits for an absent id: the rest is refused with an ERROR, the sender stays, others are relayed', async () => {
    fixture = await startBroker({ absentQueue: { perDestination: 10, total: 25 } });
    const [a, b] = await openPair();
    const sender = peer(fixture.port, `s-${crypto.randomUUID()}`, { origin: fixture.origin, localAddress: '127.0.0.5' });
    await sender.next('OPEN');
    for (let i = 0; i < 15; i += 1) sender.send({ type: 'CANDIDATE', dst: 'absent-1', payload: { i } });
    await expect.poll(() => sender.received.filter((m) => m.type === 'ERROR').length).toBe(5);
    expect(fixture.broker.stats().refused['queue-full']).toBe(5);
    for (let i = 0; i < 20; i += 1) sender.send({ type: 'CANDIDATE', dst: `absent-${2 + (i % 2)}`, payload: { i } });
    // 10 + 10 + 5 fit the total of 25; the last 5 do not.
    await expect.poll(() => fixture.broker.stats().refused['queue-full']).toBe(10);
    expect(sender.ws.readyState).toBe(WebSocket.OPEN);
    expect(await relayExchange(a, b, 20)).toHaveLength(20);
    // Messages to a connected id are never counted against the queue.
    expect(fixture.broker.stats().refused['queue-full']).toBe(10);
  });

  it('delivers what waited once the absent id connects', async () => {
    fixture = await startBroker({ absentQueue: { perDestination: 10, total: 25 } });
    const [a] = await openPair();
    const late = `late-${crypto.randomUUID()}`;
    for (let i = 0; i < 3; i += 1) a.send({ type: 'CANDIDATE', dst: late, payload: { i } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const b = peer(fixture.port, late, { origin: fixture.origin });
    await b.next('OPEN');
    await expect.poll(() => b.received.filter((m) => m.type === 'CANDIDATE').length).toBe(3);
  });

  it('pings every socket and drops one that does not answer, while answering peers stay, late ones too', async () => {
    fixture = await startBroker({ pingIntervalMs: 200 });
    const [a, b] = await openPair();
    // A pong that comes after the next sweep (a busy machine, on either end) is one ping missed:
    // this client answers every second ping only, and keeps its place.
    const late = peer(fixture.port, `l-${crypto.randomUUID()}`, { origin: fixture.origin, localAddress: '127.0.0.8', autoPong: false });
    let pings = 0;
    late.ws.on('ping', (data) => {
      pings += 1;
      if (pings % 2 === 0) late.ws.pong(data);
    });
    await late.next('OPEN');
    // A machine that vanished answers nothing: this client never answers a ping.
    const silent = peer(fixture.port, `s-${crypto.randomUUID()}`, { origin: fixture.origin, localAddress: '127.0.0.7', autoPong: false });
    await silent.next('OPEN');
    const started = Date.now();
    await silent.closed;
    // Two pings unanswered, then the third interval's sweep drops it.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fixture.broker.stats().refused['no-pong']).toBe(1);
    // Past a few more sweeps, the late client is still there.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(pings).toBeGreaterThanOrEqual(4);
    expect(late.ws.readyState).toBe(WebSocket.OPEN);
    expect(fixture.broker.stats().refused['no-pong']).toBe(1);
    expect(a.ws.readyState).toBe(WebSocket.OPEN);
    expect(await relayExchange(a, b, 5)).toHaveLength(5);
  });

  it('drops a peer that stops reading its socket, and keeps relaying for everyone else', async () => {
    fixture = await startBroker({ maxBufferedBytes: 64 * 1024, byteRate: { capacity: 64 * 1024 * 1024, refillPerSecond: 64 * 1024 * 1024 }, messageRate: { capacity: 10_000, refillPerSecond: 10_000 } });
    const [a, b] = await openPair();
    const sleeper = peer(fixture.port, `z-${crypto.randomUUID()}`, { origin: fixture.origin, localAddress: '127.0.0.6' });
    await sleeper.next('OPEN');
    // Stop reading: the kernel buffers fill, then the broker's own send buffer grows.
    (sleeper.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const chunk = 'x'.repeat(60 * 1024);
    for (let i = 0; i < 600 && fixture.broker.stats().refused['not-reading'] === 0; i += 1) {
      a.send({ type: 'CANDIDATE', dst: sleeper.id, payload: { chunk } });
      if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await expect.poll(() => fixture.broker.stats().refused['not-reading']).toBe(1);
    expect(a.ws.readyState).toBe(WebSocket.OPEN);
    expect(await relayExchange(a, b, 20)).toHaveLength(20);
  });
});
