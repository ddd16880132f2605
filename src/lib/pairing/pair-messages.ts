/**
 * What a lesson page's link to the broker puts on the wire and reads off it. Two pages in a
 * room talk through PeerServer under their `page` ids, with their messages carried as the
 * payload of CANDIDATE frames (PeerServer relays those verbatim, stamping `src`). Everything
 * read here comes from a socket anyone in the room can write to, so each frame is checked and
 * anything unexpected is ignored, never thrown.
 */

/** PeerServer's WebSocket endpoint and key (src/server/broker.ts: WS_PATH, BROKER_KEY). */
export const BROKER_SOCKET_PATH = '/peerjs/peerjs';
export const BROKER_KEY = 'peerjs';

/**
 * Presence: `hello` when a link (re)connects, asking for an answer; `here` as that answer and
 * every few seconds after; `bye` when the page goes away.
 */
export const PRESENCE_KINDS = ['hello', 'here', 'bye'] as const;
export type PresenceKind = (typeof PRESENCE_KINDS)[number];

export interface PresenceMessage {
  readonly pair: PresenceKind;
}

/** The goals this page has met in the lab, so the partner's page can judge `of: 'partner'` goals. */
export interface GoalsMessage {
  readonly pair: 'goals';
  readonly met: readonly string[];
}

/** What pages send each other besides presence: the link keeps the latest of each kind. */
export type PairDataMessage = GoalsMessage;
export type PairMessage = PresenceMessage | PairDataMessage;

/**
 * A lab has a handful of goals; 64 ids of 64 characters keep a message near 4 KiB and well
 * inside the broker's PAYLOAD_LIMITS (256 values), whatever a hostile partner sends.
 */
export const GOALS_LIMITS = { maxGoals: 64, maxIdLength: 64 } as const;

/** Goal ids as lab.ts declares them (goal-checks.ts), with a length bound. */
const GOAL_ID = new RegExp(`^[a-z][a-z0-9-]{0,${GOALS_LIMITS.maxIdLength - 1}}$`);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasOnlyKeys = (record: Record<string, unknown>, keys: readonly string[]): boolean =>
  Object.keys(record).every((key) => keys.includes(key));

/** A payload as a pair message, or null: unknown kinds, extra keys and oversized lists are refused. */
export function parsePairMessage(payload: unknown): PairMessage | null {
  if (!isRecord(payload)) return null;
  const kind = payload['pair'];
  if ((PRESENCE_KINDS as readonly unknown[]).includes(kind)) {
    return hasOnlyKeys(payload, ['pair']) ? { pair: kind as PresenceKind } : null;
  }
  if (kind !== 'goals' || !hasOnlyKeys(payload, ['pair', 'met'])) return null;
  const met = payload['met'];
  if (!Array.isArray(met) || met.length > GOALS_LIMITS.maxGoals) return null;
  if (!met.every((id): id is string => typeof id === 'string' && GOAL_ID.test(id))) return null;
  if (new Set(met).size !== met.length) return null;
  return { pair: 'goals', met: [...met] };
}

export function isPresence(message: PairMessage): message is PresenceMessage {
  return (PRESENCE_KINDS as readonly string[]).includes(message.pair);
}

/** The socket URL for `id` on the site at `origin` (http → ws, https → wss). */
export function brokerSocketUrl(origin: string, id: string, token: string): string {
  const url = new URL(BROKER_SOCKET_PATH, origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = new URLSearchParams({ key: BROKER_KEY, id, token }).toString();
  return url.toString();
}

export const HEARTBEAT_FRAME = JSON.stringify({ type: 'HEARTBEAT' });

/** A pair message to `dst`, as the CANDIDATE frame the broker relays. */
export function candidateFrame(dst: string, message: PairMessage): string {
  return JSON.stringify({ type: 'CANDIDATE', dst, payload: message });
}

/** What one frame from the broker means to a page's link. */
export type BrokerEvent =
  /** PeerServer registered the id for this token. */
  | { readonly kind: 'open' }
  /** Another token holds the id: another tab already has this role in the room. */
  | { readonly kind: 'id-taken' }
  /**
   * A frame this link sent to itself came back: the socket holds the id. PeerServer sends no
   * OPEN when the same id and token reconnect before the old socket is gone (a reload).
   */
  | { readonly kind: 'self' }
  | { readonly kind: 'partner'; readonly message: PairMessage }
  /**
   * The partner is not connected: a message to it waited the broker's expiry unread (EXPIRE),
   * or the broker could not write to its socket (LEAVE).
   */
  | { readonly kind: 'partner-gone' }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'ignored' };

const IGNORED = { kind: 'ignored' } as const;

/** A frame as a room of several partners reads it: what it means, and which partner it came from. */
export type RoomEvent =
  | Exclude<BrokerEvent, { kind: 'partner' } | { kind: 'partner-gone' }>
  | { readonly kind: 'partner'; readonly from: string; readonly message: PairMessage }
  | { readonly kind: 'partner-gone'; readonly from: string };

/** A pair's frame: readRoomFrame with its one partner. */
export function readBrokerFrame(data: unknown, ids: { readonly self: string; readonly partner: string }): BrokerEvent {
  const event = readRoomFrame(data, ids.self, [ids.partner]);
  if (event.kind === 'partner') return { kind: 'partner', message: event.message };
  return event.kind === 'partner-gone' ? { kind: 'partner-gone' } : event;
}

export function readRoomFrame(data: unknown, self: string, partners: readonly string[]): RoomEvent {
  if (typeof data !== 'string') return IGNORED;
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return IGNORED;
  }
  if (!isRecord(frame)) return IGNORED;
  const { type, src } = frame;
  const from = typeof src === 'string' && partners.includes(src) ? src : null;
  switch (type) {
    case 'OPEN':
      return { kind: 'open' };
    case 'ID-TAKEN':
      return { kind: 'id-taken' };
    case 'ERROR': {
      const payload = frame['payload'];
      const text = isRecord(payload) && typeof payload['msg'] === 'string' ? payload['msg'] : '';
      return { kind: 'error', text: text.slice(0, 200) };
    }
    case 'EXPIRE':
    case 'LEAVE':
      return from ? { kind: 'partner-gone', from } : IGNORED;
    case 'CANDIDATE': {
      if (src === self) return { kind: 'self' };
      if (!from) return IGNORED;
      const message = parsePairMessage(frame['payload']);
      return message ? { kind: 'partner', from, message } : IGNORED;
    }
    default:
      return IGNORED;
  }
}
