/**
 * Past one box: HAProxy in front, three broker processes behind it hashed by room, and the site.
 * Every room's four ids (host and guest, page and lab) meet on one broker; killing a broker
 * disturbs only its rooms, whose peers reconnect through the same proxy and meet again.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRoomCode, roomIds, type Role } from '../../src/lib/pairing/room-code.ts';
import { LAB_FRAME_DOCUMENT } from '../../src/build/lab-root.ts';
import { startShardedSite, type ShardedSite } from '../support/sharded-site.ts';
import { connectWirePeer, type WirePeer } from '../support/peerjs-wire.ts';

const ROOMS = 36;
const LAB = 'video-call';

interface Seat {
  readonly room: number;
  readonly id: string;
  readonly origin: string;
  peer: WirePeer;
}

let topology: ShardedSite;

function get(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: topology.port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Each room's peers come from an address of their own /24, as learners on different networks would. */
const addressOf = (room: number): string => `127.30.${room + 1}.1`;

function connect(seat: Omit<Seat, 'peer'>): Promise<WirePeer> {
  const url = new URL(seat.origin);
  return connectWirePeer({ url: `ws://127.0.0.1:${topology.port}`, host: url.host, id: seat.id, origin: seat.origin, localAddress: addressOf(seat.room) });
}

/** Connects again until the proxy gives this id a live broker (a dead one answers 503 until its checks fail). */
async function reconnect(seat: Seat, deadlineMs: number): Promise<WirePeer> {
  for (let wait = 100; ; wait = Math.min(wait * 2, 1000)) {
    try {
      return await connect(seat);
    } catch (error) {
      if (Date.now() > deadlineMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** The room's host and guest exchange an offer and an answer (lab ids) and a candidate each way (page ids). */
async function meet(seats: readonly Seat[], round: string): Promise<void> {
  const [hostLab, guestLab, hostPage, guestPage] = seats;
  if (!hostLab || !guestLab || !hostPage || !guestPage) throw new Error('a room has four seats');
  const is = (from: Seat, type: string) => (message: { type: string; src?: string; payload?: unknown }) =>
    message.type === type && message.src === from.id && (message.payload as { round?: string } | undefined)?.round === round;
  hostLab.peer.send('OFFER', guestLab.id, { round, sdp: 'v=0' });
  await guestLab.peer.next(is(hostLab, 'OFFER'));
  guestLab.peer.send('ANSWER', hostLab.id, { round, sdp: 'v=0' });
  await hostLab.peer.next(is(guestLab, 'ANSWER'));
  hostPage.peer.send('CANDIDATE', guestPage.id, { round });
  guestPage.peer.send('CANDIDATE', hostPage.id, { round });
  await Promise.all([guestPage.peer.next(is(hostPage, 'CANDIDATE')), hostPage.peer.next(is(guestPage, 'CANDIDATE'))]);
}

async function brokerSessions(): Promise<Map<string, { status: string; current: number }>> {
  const rows = (await topology.stats()).filter((row) => row['pxname'] === 'brokers' && row['svname']?.startsWith('broker'));
  return new Map(rows.map((row) => [row['svname'] ?? '', { status: row['status'] ?? '', current: Number(row['scur']) }]));
}

describe('brokers sharded by room behind HAProxy', () => {
  const rooms: Seat[][] = [];

  beforeAll(async () => {
    topology = await startShardedSite({ brokers: 3 });
    const codes = new Set<string>();
    while (codes.size < ROOMS) codes.add(newRoomCode((bytes) => crypto.getRandomValues(bytes)));
    let room = 0;
    for (const code of codes) {
      const seats = (['host', 'guest'] as Role[]).map((role) => roomIds(code, LAB, role));
      const [host, guest] = seats as [ReturnType<typeof roomIds>, ReturnType<typeof roomIds>];
      // The learner's PeerJS peer runs in the lab frame (lab origin); the page's presence on the site.
      const plan = [
        { room, id: host.lab, origin: topology.labOrigin },
        { room, id: guest.lab, origin: topology.labOrigin },
        { room, id: host.page, origin: topology.siteOrigin },
        { room, id: guest.page, origin: topology.siteOrigin },
      ];
      rooms.push(await Promise.all(plan.map(async (seat) => ({ ...seat, peer: await connect(seat) }))));
      room++;
    }
  });
  afterAll(async () => {
    for (const seat of rooms.flat()) seat.peer.close();
    await topology?.close();
  });

  it('serve the site and its lab origin through the proxy', async () => {
    const page = await get('/', `localhost:${topology.port}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('WebRTC Lab');
    expect((await get(LAB_FRAME_DOCUMENT, `lab.localhost:${topology.port}`)).status).toBe(200);
    // A broker answers for the public host only, as the site does.
    expect((await get('/peerjs/', 'evil.example')).status).toBe(421);
  });

  it('put every room on one broker and spread the rooms over all three', async () => {
    await Promise.all(rooms.map((seats) => meet(seats, 'first')));
    const sessions = await brokerSessions();
    const counts = [...sessions.values()].map((each) => each.current);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ROOMS * 4);
    for (const count of counts) {
      expect(count).toBeGreaterThan(0);
      expect(count % 4).toBe(0); // whole rooms only
    }
  });

  it('lose only the killed broker’s rooms, which reconnect and meet again', async () => {
    const closedAt = new Map<Seat, number>();
    for (const seat of rooms.flat()) seat.peer.onClose(() => closedAt.set(seat, Date.now()));
    const before = await brokerSessions();
    const victimIndex = [...before.values()].findIndex((each) => each.current > 0);
    const victim = topology.shards[victimIndex];
    if (!victim) throw new Error('no broker holds a room');
    const victimSockets = [...before.values()][victimIndex]?.current ?? 0;
    await victim.kill();

    await expect.poll(() => closedAt.size, { timeout: 5000 }).toBe(victimSockets);
    const disturbed = rooms.filter((seats) => seats.some((seat) => closedAt.has(seat)));
    const untouched = rooms.filter((seats) => !disturbed.includes(seats));
    // A room lost all four of its sockets or none: no room was split over two brokers.
    for (const seats of disturbed) expect(seats.every((seat) => closedAt.has(seat))).toBe(true);
    expect(disturbed.length * 4).toBe(victimSockets);
    expect(untouched.length).toBeGreaterThan(0);

    // The other rooms carry on as if nothing happened, on the sockets they had.
    await Promise.all(untouched.map((seats) => meet(seats, 'during')));
    expect(untouched.flat().every((seat) => !seat.peer.closed)).toBe(true);

    const deadline = Date.now() + 15_000;
    for (const seat of disturbed.flat()) seat.peer = await reconnect(seat, deadline);
    await Promise.all(disturbed.map((seats) => meet(seats, 'after')));
    const after = await brokerSessions();
    expect([...after.values()][victimIndex]?.status).toBe('DOWN');
    expect([...after.values()].reduce((sum, each) => sum + each.current, 0)).toBe(ROOMS * 4);
  });
});
