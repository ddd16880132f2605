/**
 * Past one box: HAProxy in front, three broker processes behind it hashed by room, and the site.
 * Every room's six ids (host and guest: page, lab and signal channel) meet on one broker; killing a broker
 * disturbs only its rooms, whose peers reconnect through the same proxy and meet again, and stay
 * together when it comes back. Then the
 * same in Chromium: a video call between two tabs through the proxy survives its broker's death.
 */
import { getWithHost } from '../support/http-get.ts';
import { connect as connectTcp, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRoomCode, roomIds, type Role } from '../../src/lib/pairing/room-code.ts';
import { LAB_FRAME_DOCUMENT } from '../../src/build/lab-root.ts';
import { startShardedSite, type ShardedSite } from '../support/sharded-site.ts';
import { connectWirePeer, type WirePeer } from '../support/peerjs-wire.ts';
import { useChromium } from '../support/chromium.ts';
import { feedOf, labSection, openPartner, pageWithLab, pickPlainBox, waitForAllGoals } from '../support/labs.ts';
import type { FeedEvent } from '../../src/lib/feed.ts';
import { patient } from '../support/patience.ts';

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
  return getWithHost({ port: topology.port, host, path });
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

/** The room's host and guest exchange an offer and an answer (lab ids) and a candidate each way (page ids, signal ids). */
async function meet(seats: readonly Seat[], round: string): Promise<void> {
  const [hostLab, guestLab, hostPage, guestPage, hostSignal, guestSignal] = seats;
  if (!hostLab || !guestLab || !hostPage || !guestPage || !hostSignal || !guestSignal) throw new Error('a room has six sockets');
  const is = (from: Seat, type: string) => (message: { type: string; src?: string; payload?: unknown }) =>
    message.type === type && message.src === from.id && (message.payload as { round?: string } | undefined)?.round === round;
  hostLab.peer.send('OFFER', guestLab.id, { round, sdp: 'v=0' });
  await guestLab.peer.next(is(hostLab, 'OFFER'));
  guestLab.peer.send('ANSWER', hostLab.id, { round, sdp: 'v=0' });
  await hostLab.peer.next(is(guestLab, 'ANSWER'));
  const both = [
    [hostPage, guestPage],
    [hostSignal, guestSignal],
  ] as const;
  for (const [one, other] of both) {
    one.peer.send('CANDIDATE', other.id, { round });
    other.peer.send('CANDIDATE', one.id, { round });
  }
  await Promise.all(both.flatMap(([one, other]) => [other.peer.next(is(one, 'CANDIDATE')), one.peer.next(is(other, 'CANDIDATE'))]));
}

async function brokerSessions(): Promise<Map<string, { status: string; current: number }>> {
  const rows = (await topology.stats()).filter((row) => row['pxname'] === 'brokers' && row['svname']?.startsWith('broker'));
  return new Map(rows.map((row) => [row['svname'] ?? '', { status: row['status'] ?? '', current: Number(row['scur']) }]));
}

describe('brokers sharded by room behind HAProxy', () => {
  const rooms: Seat[][] = [];
  /** The killed broker and the rooms that left it (set by the kill test, used by the next). */
  let moved: { index: number; rooms: Seat[][] } | null = null;

  beforeAll(async () => {
    topology = await startShardedSite({ brokers: 3 });
    const codes = new Set<string>();
    while (codes.size < ROOMS) codes.add(newRoomCode((bytes) => crypto.getRandomValues(bytes)));
    let room = 0;
    for (const code of codes) {
      const [host, guest] = (['host', 'guest'] as Role[]).map((role) => roomIds(code, LAB, role)) as [ReturnType<typeof roomIds>, ReturnType<typeof roomIds>];
      // The learner's PeerJS peer and its plain message channel run in the lab frame (lab origin); the page's presence on the site.
      const plan = [
        { room, id: host.lab, origin: topology.labOrigin },
        { room, id: guest.lab, origin: topology.labOrigin },
        { room, id: host.page, origin: topology.siteOrigin },
        { room, id: guest.page, origin: topology.siteOrigin },
        { room, id: host.signal, origin: topology.labOrigin },
        { room, id: guest.signal, origin: topology.labOrigin },
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
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ROOMS * 6);
    for (const count of counts) {
      expect(count).toBeGreaterThan(0);
      expect(count % 6).toBe(0); // whole rooms only
    }
  });

  it('let a shard hold more than 256 sockets, all arriving from the proxy, while the proxy holds each client address to 256', async () => {
    // 300 ids of one room key land on one shard, from 30 addresses (10 each, under the broker's caps).
    const crowd = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        connectWirePeer({ url: `ws://127.0.0.1:${topology.port}`, host: `localhost:${topology.port}`, id: `webrtclab-crowd-k7q2-s${i}`, origin: topology.siteOrigin, localAddress: `127.31.${1 + (i % 30)}.1` }),
      ),
    );
    expect(Math.max(...[...(await brokerSessions()).values()].map((each) => each.current))).toBeGreaterThanOrEqual(300);
    for (const peer of crowd) peer.close();
    // One address opening 400 connections gets 256 at most, refused at the proxy before any server sees them.
    const sockets = await Promise.all(
      Array.from({ length: 400 }, () => new Promise<Socket>((resolve) => {
        const socket = connectTcp({ host: '127.0.0.1', port: topology.port, localAddress: '127.32.1.1' }, () => resolve(socket));
        socket.on('error', () => resolve(socket));
      })),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sockets.filter((socket) => !socket.destroyed && socket.readyState === 'open').length).toBeLessThanOrEqual(256);
    for (const socket of sockets) socket.destroy();
    expect((await get('/', `localhost:${topology.port}`)).status).toBe(200);
    await expect.poll(async () => [...(await brokerSessions()).values()].reduce((sum, each) => sum + each.current, 0)).toBe(ROOMS * 6);
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

    await expect.poll(() => closedAt.size, { timeout: patient(5000) }).toBe(victimSockets);
    const disturbed = rooms.filter((seats) => seats.some((seat) => closedAt.has(seat)));
    const untouched = rooms.filter((seats) => !disturbed.includes(seats));
    // A room lost all six of its sockets or none: no room was split over two brokers.
    for (const seats of disturbed) expect(seats.every((seat) => closedAt.has(seat))).toBe(true);
    expect(disturbed.length * 6).toBe(victimSockets);
    expect(untouched.length).toBeGreaterThan(0);

    // The other rooms carry on as if nothing happened, on the sockets they had.
    await Promise.all(untouched.map((seats) => meet(seats, 'during')));
    expect(untouched.flat().every((seat) => !seat.peer.closed)).toBe(true);

    const deadline = Date.now() + 15_000;
    for (const seat of disturbed.flat()) seat.peer = await reconnect(seat, deadline);
    await Promise.all(disturbed.map((seats) => meet(seats, 'after')));
    const after = await brokerSessions();
    expect([...after.values()][victimIndex]?.status).toBe('DOWN');
    expect([...after.values()].reduce((sum, each) => sum + each.current, 0)).toBe(ROOMS * 6);
    moved = { index: victimIndex, rooms: disturbed };
  });

  it('keep a moved room where it is when its broker comes back, so a peer that reconnects then still meets its partner', async () => {
    if (!moved) throw new Error('the previous test moved no room');
    const { index, rooms: movedRooms } = moved;
    await topology.restartShard(index);
    await expect.poll(async () => [...(await brokerSessions()).values()][index]?.status, { timeout: patient(10_000) }).toBe('UP');
    // One end of every moved room reloads: without stickiness it would hash to the returned broker, away from its partner.
    for (const seats of movedRooms) {
      const [hostLab] = seats;
      if (!hostLab) continue;
      hostLab.peer.close();
      await expect.poll(() => hostLab.peer.closed).toBe(true);
      hostLab.peer = await reconnect(hostLab, Date.now() + 10_000);
    }
    await Promise.all(movedRooms.map((seats) => meet(seats, 'back')));
    expect([...(await brokerSessions()).values()][index]?.current).toBe(0);
  });
});

const browser = useChromium();
const remoteFrames = (feed: readonly FeedEvent[]): number =>
  Math.max(0, ...feed.flatMap((e) => (e.type === 'video-frames' && e.element.startsWith('video#remote') ? [e.frames] : [])));

describe('a video call between two tabs through the proxy', () => {
  let own: ShardedSite | null = null;
  afterAll(async () => {
    await own?.close();
  });

  it('pairs through HAProxy, and when the room’s broker dies both tabs reconnect to another and the call plays on', async () => {
    own = await startShardedSite({ brokers: 3, preferredPort: 8580 });
    const context = await browser().newContext();
    try {
      const host = await context.newPage();
      await pickPlainBox(host, own.siteOrigin);
      await host.goto(own.siteOrigin + pageWithLab(LAB));
      const hostLab = labSection(host, LAB);
      await hostLab.getByRole('button', { name: 'Solution', exact: true }).click();
      await hostLab.getByRole('button', { name: 'Run', exact: true }).click();
      const partner = await openPartner(host, LAB);
      await waitForAllGoals(hostLab, patient(30_000));
      const status = [hostLab, partner.section].map((lab) => lab.locator('.lab-pair-status'));

      // The room's sockets (two pages, two lab peers, and their signal channels) are on one broker: kill that one.
      const rows = (await own.stats()).filter((row) => row['pxname'] === 'brokers' && row['svname']?.startsWith('broker'));
      const holding = rows.map((row) => Number(row['scur']));
      const inRoom = holding.reduce((a, b) => a + b, 0);
      expect(inRoom).toBeGreaterThanOrEqual(4);
      expect(holding.filter((count) => count > 0)).toEqual([inRoom]);
      // Every state the pair panels show from now on: "reconnecting" may last only a moment.
      type Watched = Window & { brokerSeen?: string[] };
      for (const each of status) {
        await each.evaluate((el) => {
          const seen: string[] = [];
          (window as Watched).brokerSeen = seen;
          new MutationObserver(() => seen.push(el.getAttribute('data-broker') ?? '')).observe(el, { attributes: true, attributeFilter: ['data-broker'] });
        });
      }
      const seen = (each: (typeof status)[number]) => each.page().evaluate(() => (window as Watched).brokerSeen ?? []);
      const victim = own.shards[holding.findIndex((count) => count > 0)];
      const during = remoteFrames(await feedOf(hostLab));
      await victim?.kill();
      const killed = Date.now();
      for (const each of status) {
        await expect.poll(() => seen(each), { timeout: patient(15_000) }).toContain('reconnecting');
        await expect.poll(() => each.getAttribute('data-broker'), { timeout: patient(15_000) }).toBe('connected');
      }
      const back = Date.now() - killed;
      await expect.poll(() => status[0]?.getAttribute('data-partner')).toBe('here');
      // Media never went through the broker: frames kept arriving.
      await expect.poll(async () => remoteFrames(await feedOf(hostLab)), { timeout: patient(5_000) }).toBeGreaterThan(during);
      // Every socket of the room is back, on one broker (the lab's signal channel may reconnect last).
      const brokerRows = async () => (await own!.stats()).filter((row) => row['pxname'] === 'brokers' && row['svname']?.startsWith('broker'));
      const after = async (): Promise<number[]> => (await brokerRows()).map((row) => Number(row['scur'])).filter((count) => count > 0);
      // How often each broker was taken out (chkdown) says whether a health check split the room.
      const downs = async (): Promise<string> => (await brokerRows()).map((row) => `${row['svname']} ${row['status']}, down ${row['chkdown']}×`).join('; ');
      // HAProxy's view is read when the wait fails, not when it begins.
      await expect
        .poll(after, { timeout: patient(15_000), message: 'the room on one broker' })
        .toEqual([inRoom])
        .catch(async (error: unknown) => {
          throw new Error(`the room on one broker; HAProxy: ${await downs()}`, { cause: error });
        });
      console.log(`broker-shards: the room's tabs were connected again ${back} ms after its broker was killed`);
    } finally {
      await context.close();
    }
  });
});
