/**
 * `room()` of the lab helper: this tab's PeerJS peer in a pairing lab's room, registered with
 * the site's broker on the frame's own origin under the id the room and role give (so the
 * partner knows it without asking), kept registered across broker restarts.
 */
import type { Peer as PeerType, PeerOptions } from 'peerjs';
import type { IceServer } from '../lib/ice-servers.ts';
import type { PairingInfo } from '../lib/lab-protocol.ts';
import { reconnectDelayMs } from '../lib/pairing/link-policy.ts';
import { otherRole, otherRoles, roomIds, seatOf } from '../lib/pairing/room-code.ts';
import { LIBRARIES } from './modules.ts';
import { SignalChannel } from './room-signal.ts';

export interface Room {
  readonly code: string;
  readonly role: PairingInfo['role'];
  readonly peer: PeerType;
  readonly partnerId: string;
  readonly partnerIds: string[];
  readonly seat: number;
  readonly size: number;
  readonly iceServers: RTCIceServer[];
  readonly signal: SignalChannel;
}

export interface RoomMessages {
  notPaired(): string;
  roomFull(room: string, role: string): string;
}

type PeerConstructor = new (id: string, options: PeerOptions) => PeerType;

export function createRoomJoiner(pairing: PairingInfo | null, iceServers: () => Promise<readonly IceServer[]>, messages: RoomMessages): () => Promise<Room> {
  let joining: Promise<Room> | null = null;
  return () => {
    if (!pairing) return Promise.reject(new Error(messages.notPaired()));
    joining ??= join(pairing, iceServers, messages);
    return joining;
  };
}

/**
 * A run started right after the last one may find its id still held by the old frame's socket for
 * a moment; only an id still taken after these retries means another tab has this role.
 */
const TAKEN_RETRIES = [300, 700, 1500];

async function join(pairing: PairingInfo, iceServers: () => Promise<readonly IceServer[]>, messages: RoomMessages): Promise<Room> {
  const { Peer } = (await LIBRARIES.peerjs()) as { Peer: PeerConstructor };
  const servers = (await iceServers()).map((server) => ({ ...server, urls: typeof server.urls === 'string' ? server.urls : [...server.urls] }));
  const secure = location.protocol === 'https:';
  const ids = roomIds(pairing.room, pairing.lab, pairing.role);
  const partner = roomIds(pairing.room, pairing.lab, otherRole(pairing.role));
  const size = pairing.size ?? 2;
  const register = (): Promise<PeerType | null> => {
    const peer = new Peer(ids.lab, {
      host: location.hostname,
      port: Number(location.port) || (secure ? 443 : 80),
      path: '/peerjs',
      secure,
      config: { iceServers: servers },
    });
    return new Promise((resolve) => {
      peer.once('open', () => resolve(peer));
      peer.on('error', (error) => {
        if (error.type !== 'unavailable-id' || peer.open) return;
        peer.destroy();
        resolve(null);
      });
    });
  };
  let peer = await register();
  for (const wait of TAKEN_RETRIES) {
    if (peer) break;
    await new Promise((resolve) => setTimeout(resolve, wait));
    peer = await register();
  }
  if (!peer) throw Object.assign(new Error(messages.roomFull(pairing.room, pairing.role)), { name: 'RoomFullError' });
  keepRegistered(peer);
  return {
    code: pairing.room,
    role: pairing.role,
    peer,
    partnerId: partner.lab,
    partnerIds: otherRoles(pairing.role, size).map((other) => roomIds(pairing.room, pairing.lab, other).lab),
    seat: seatOf(pairing.role),
    size,
    iceServers: servers,
    signal: new SignalChannel(ids.signal, partner.signal),
  };
}

/**
 * PeerJS leaves a peer 'disconnected' when its socket to the broker closes, and reconnects only
 * when asked. Ask, with backoff, until it is open again: its calls and connections, which do not
 * go through the broker, carry on meanwhile.
 */
function keepRegistered(peer: PeerType): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  const retry = (): void => {
    timer = undefined;
    if (peer.destroyed || !peer.disconnected) return;
    peer.reconnect();
    timer = setTimeout(retry, reconnectDelayMs(++attempt, Math.random));
  };
  peer.on('open', () => {
    attempt = 0;
  });
  // A failed reconnect says 'disconnected' again: one loop of retries at a time.
  peer.on('disconnected', () => {
    timer ??= setTimeout(retry, reconnectDelayMs(attempt, Math.random));
  });
}
