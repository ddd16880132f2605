/**
 * A classroom for `npm run bench`: N learners in N/2 rooms. Each learner loads the lab frame from
 * the lab origin and opens the two broker sockets a paired lab holds (the page's presence id and
 * the lab's PeerJS id, room-code.ts); each room exchanges an offer, an answer and trickled
 * candidates, then keeps heartbeating and renegotiating now and then for the hold. A share of the
 * learners fetch a TURN credential from the site and allocate a relay on coturn with it.
 * Learners come from addresses of their own /24 (127.x.y.1), as a class on many networks would.
 */
import { getWithHost } from '../tests/support/http-get.ts';
import { newRoomCode, roomIds, type Role } from '../src/lib/pairing/room-code.ts';
import { LAB_FRAME_DOCUMENT } from '../src/build/lab-root.ts';
import { TURN_CREDENTIALS_PATH, type TurnCredentialsBody } from '../src/lib/turn-response.ts';
import { connectWirePeer, type WireMessage, type WirePeer } from '../tests/support/peerjs-wire.ts';
import { allocate, type Allocation } from '../tests/support/turn-client.ts';
import { percentile } from './broker-load.ts';

export interface ClassroomTarget {
  /** Where to connect (the site server, or the proxy in front of the shards). */
  readonly port: number;
  readonly siteOrigin: string;
  readonly labOrigin: string;
}

export interface ClassroomOptions {
  readonly learners: number;
  readonly holdMs: number;
  /** Learners joining at once (a class clicking the partner link within seconds). */
  readonly arriving: number;
  /** Every learner in this fraction fetches a TURN credential and allocates a relay. */
  readonly turnShare: number;
  /** The coturn the credentials are for (UDP), or null to skip TURN. */
  readonly turn: { readonly host: string; readonly port: number } | null;
  readonly heartbeatMs: number;
  /** Each room sends a new offer, answer and candidates this often during the hold. */
  readonly renegotiateMs: number;
  /** Called once everyone joined and met (the hold starts), and at the hold's end, sockets still open. */
  readonly probes?: { readonly joined?: () => Promise<void> | void; readonly holdEnd?: () => Promise<void> | void };
}

export interface ClassroomResult {
  readonly learners: number;
  readonly joined: number;
  readonly joinsPerSecond: number;
  readonly joinP50Ms: number;
  readonly joinP99Ms: number;
  readonly frameP50Ms: number;
  readonly signalingP50Ms: number;
  readonly signalingP99Ms: number;
  readonly relayed: number;
  readonly lost: number;
  readonly falseDisconnects: number;
  readonly turn: { readonly wanted: number; readonly allocated: number; readonly failed: number; readonly p50Ms: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const addressOf = (learner: number): string => `127.${40 + Math.floor(learner / 250)}.${1 + (learner % 250)}.1`;

function get(target: ClassroomTarget, origin: string, path: string, localAddress: string): Promise<{ status: number; body: string }> {
  return getWithHost({ port: target.port, host: new URL(origin).host, path, localAddress, headers: { origin: target.siteOrigin } });
}

interface Learner {
  readonly index: number;
  readonly room: number;
  readonly role: Role;
  readonly ids: { readonly lab: string; readonly page: string };
  readonly partner: { readonly lab: string; readonly page: string };
  lab?: WirePeer;
  page?: WirePeer;
}

export async function runClassroom(target: ClassroomTarget, options: ClassroomOptions): Promise<ClassroomResult> {
  const codes = new Set<string>();
  const rooms = Math.floor(options.learners / 2);
  while (codes.size < rooms) codes.add(newRoomCode((bytes) => crypto.getRandomValues(bytes)));
  const learners: Learner[] = [...codes].flatMap((code, room) =>
    (['host', 'guest'] as const).map((role, seat) => ({
      index: room * 2 + seat,
      room,
      role,
      ids: roomIds(code, 'video-call', role),
      partner: roomIds(code, 'video-call', role === 'host' ? 'guest' : 'host'),
    })),
  );

  const latencies: number[] = [];
  const pending = new Set<string>();
  let relayed = 0;
  let holding = false;
  let falseDisconnects = 0;
  const onMessage = (message: WireMessage): void => {
    const payload = message.payload as { key?: string; t?: number } | undefined;
    if (!payload?.key || payload.t === undefined || !pending.delete(payload.key)) return;
    latencies.push(performance.now() - payload.t);
    relayed++;
  };
  let sequence = 0;
  const send = (from: WirePeer | undefined, type: 'OFFER' | 'ANSWER' | 'CANDIDATE', dst: string, extra: Record<string, unknown> = {}): string => {
    const key = `${sequence++}`;
    pending.add(key);
    from?.send(type, dst, { key, t: performance.now(), ...extra });
    return key;
  };
  const arrived = (peer: WirePeer, key: string, timeoutMs = 10_000) =>
    peer.next((message) => (message.payload as { key?: string } | undefined)?.key === key, timeoutMs);

  /** Offer, answer and four candidates each way, on the lab ids; one presence note each way on the page ids. */
  const negotiate = async (host: Learner, guest: Learner): Promise<void> => {
    const [hostLab, guestLab, hostPage, guestPage] = [host.lab, guest.lab, host.page, guest.page];
    if (!hostLab || !guestLab || !hostPage || !guestPage) return;
    const offer = send(hostLab, 'OFFER', guest.ids.lab, { sdp: 'v=0\r\n'.padEnd(3000, 'a') });
    await arrived(guestLab, offer);
    const answer = send(guestLab, 'ANSWER', host.ids.lab, { sdp: 'v=0\r\n'.padEnd(3000, 'a') });
    const candidates = Array.from({ length: 4 }, () => [send(hostLab, 'CANDIDATE', guest.ids.lab), send(guestLab, 'CANDIDATE', host.ids.lab)] as const);
    const notes = [send(hostPage, 'CANDIDATE', guest.ids.page), send(guestPage, 'CANDIDATE', host.ids.page)] as const;
    await arrived(hostLab, answer);
    await Promise.all([
      ...candidates.flatMap(([toGuest, toHost]) => [arrived(guestLab, toGuest), arrived(hostLab, toHost)]),
      arrived(guestPage, notes[0]),
      arrived(hostPage, notes[1]),
    ]);
  };

  const frameTimes: number[] = [];
  const joinTimes: number[] = [];
  const turnTimes: number[] = [];
  const allocations: Allocation[] = [];
  let turnFailed = 0;
  let turnWanted = 0;

  const join = async (learner: Learner): Promise<void> => {
    const started = performance.now();
    const localAddress = addressOf(learner.index);
    const frame = await get(target, target.labOrigin, LAB_FRAME_DOCUMENT, localAddress);
    if (frame.status !== 200) throw new Error(`learner ${learner.index}: the lab frame answered ${frame.status}`);
    frameTimes.push(performance.now() - started);
    const connect = (id: string, origin: string) =>
      connectWirePeer({ url: `ws://127.0.0.1:${target.port}`, host: new URL(origin).host, id, origin, localAddress }).then((peer) => {
        peer.ws.on('message', (data) => onMessage(JSON.parse(String(data)) as WireMessage));
        peer.onClose(() => {
          if (holding) falseDisconnects++;
        });
        return peer;
      });
    [learner.lab, learner.page] = await Promise.all([connect(learner.ids.lab, target.labOrigin), connect(learner.ids.page, target.siteOrigin)]);
    joinTimes.push(performance.now() - started);
    if (options.turn && learner.index % Math.round(1 / options.turnShare) === 0) {
      turnWanted++;
      const turnStarted = performance.now();
      try {
        const answer = await get(target, target.siteOrigin, TURN_CREDENTIALS_PATH, localAddress);
        const server = (JSON.parse(answer.body) as TurnCredentialsBody).iceServers[0];
        allocations.push(await allocate({ host: options.turn.host, port: options.turn.port, username: server?.username ?? '', password: server?.credential ?? '' }));
        turnTimes.push(performance.now() - turnStarted);
      } catch {
        turnFailed++;
      }
    }
  };

  const joinStarted = performance.now();
  for (let i = 0; i < learners.length; i += options.arriving) {
    await Promise.all(learners.slice(i, i + options.arriving).map(join));
  }
  const byRoom = (room: number) => [learners[room * 2], learners[room * 2 + 1]] as [Learner, Learner];
  await Promise.all(Array.from({ length: rooms }, (_, room) => negotiate(...byRoom(room))));
  const joinWallMs = performance.now() - joinStarted;

  await options.probes?.joined?.();
  holding = true;
  const sockets = learners.flatMap((learner) => [learner.lab, learner.page]).filter((peer): peer is WirePeer => peer !== undefined);
  const heartbeat = setInterval(() => {
    for (const peer of sockets) if (peer.ws.readyState === peer.ws.OPEN) peer.ws.send('{"type":"HEARTBEAT"}');
  }, options.heartbeatMs);
  const deadline = performance.now() + options.holdMs;
  // Rooms take turns renegotiating, spread evenly over each period.
  const gapMs = options.renegotiateMs / Math.max(1, rooms);
  const rounds: Promise<void>[] = [];
  for (let n = 0; performance.now() < deadline; n++) {
    rounds.push(negotiate(...byRoom(n % rooms)).catch(() => {}));
    await sleep(Math.max(0, deadline - options.holdMs + (n + 1) * gapMs - performance.now()));
  }
  await Promise.all(rounds);
  await sleep(500);
  await options.probes?.holdEnd?.();
  holding = false;
  clearInterval(heartbeat);
  for (const peer of sockets) peer.close();
  for (const allocation of allocations) allocation.close();
  // Messages are dropped from the received lists as they are measured: free them.
  for (const peer of sockets) peer.received.length = 0;

  return {
    learners: learners.length,
    joined: joinTimes.length,
    joinsPerSecond: joinTimes.length / (joinWallMs / 1000),
    joinP50Ms: percentile(joinTimes, 50),
    joinP99Ms: percentile(joinTimes, 99),
    frameP50Ms: percentile(frameTimes, 50),
    signalingP50Ms: percentile(latencies, 50),
    signalingP99Ms: percentile(latencies, 99),
    relayed,
    lost: pending.size,
    falseDisconnects,
    turn: { wanted: turnWanted, allocated: allocations.length, failed: turnFailed, p50Ms: percentile(turnTimes, 50) },
  };
}
