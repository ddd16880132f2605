/**
 * Rooms: short codes a person can read aloud or type from a phone, and the broker ids that
 * follow from a room and a role, so the partner finds the first tab without any discovery.
 *
 * The alphabet leaves out what is easy to misread (0/o, 1/l/i) and the code is lower case, so
 * a typed code is taken as is after trimming and lower-casing. Four characters give 31⁴ ≈ 920k
 * rooms: enough that two learners rarely meet by chance, and a meeting shows as "room full".
 */

export const ROOM_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const ROOM_CODE_LENGTH = 4;

/** The two ends of a pair: who opened the room, and who joined it from the partner link. */
export const ROLES = ['host', 'guest'] as const;
/**
 * A seat in a room. A pair has host and guest; a larger room (a mesh lab's `room: { size }`)
 * numbers its further seats guest2, guest3, … so every tab still computes every other's id.
 */
export type Role = (typeof ROLES)[number] | `guest${number}`;

/** The most seats a lab may ask for: a mesh's upload grows as N−1, and eight is already a lesson. */
export const MAX_ROOM_SIZE = 8;

export function otherRole(role: Role): Role {
  return role === 'host' ? 'guest' : 'host';
}

/** The role of seat `index` (0 is the host). */
export function seatRole(index: number): Role {
  if (index === 0) return 'host';
  return index === 1 ? 'guest' : `guest${index}`;
}

/** Seat index of a role: host 0, guest 1, guestN N. */
export function seatOf(role: Role): number {
  if (role === 'host') return 0;
  return role === 'guest' ? 1 : Number(role.slice('guest'.length));
}

/** Every seat of a room of `size`, in seat order. */
export function roomRoles(size: number): Role[] {
  return Array.from({ length: size }, (_, index) => seatRole(index));
}

/** Everyone else in a room of `size`, in seat order (for a pair: the one partner). */
export function otherRoles(role: Role, size: number): Role[] {
  return roomRoles(size).filter((other) => other !== role);
}

/** A new code from random bytes (crypto.getRandomValues in the browser). */
export function newRoomCode(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array): string {
  // Rejection sampling: 248 is the largest multiple of 31 under 256, so every letter is equally likely.
  let code = '';
  while (code.length < ROOM_CODE_LENGTH) {
    for (const byte of random(new Uint8Array(ROOM_CODE_LENGTH * 2))) {
      if (byte < 248 && code.length < ROOM_CODE_LENGTH) code += ROOM_ALPHABET[byte % ROOM_ALPHABET.length];
    }
  }
  return code;
}

/** The code as typed or found in a URL, canonical; null when it is not a room code. */
export function parseRoomCode(text: string | null | undefined): string | null {
  if (!text) return null;
  const code = text.trim().toLowerCase();
  if (code.length !== ROOM_CODE_LENGTH) return null;
  return [...code].every((char) => ROOM_ALPHABET.includes(char)) ? code : null;
}

/** A role as found in a URL; guestN only for seats a room can have (2 ≤ N < MAX_ROOM_SIZE, no leading zero). */
export function parseRole(text: string | null | undefined): Role | null {
  if ((ROLES as readonly (string | null | undefined)[]).includes(text)) return text as Role;
  const seat = /^guest([2-9])$/.exec(text ?? '');
  return seat && Number(seat[1]) < MAX_ROOM_SIZE ? (text as Role) : null;
}

/**
 * Broker ids in a room. Each tab holds up to three: the page's own (presence and the partner's
 * goals), the lab's (the learner's PeerJS peer, in the lab frame) and the lab's plain message
 * channel (room-signal.ts). All derive from room, lab and role, so either side computes the
 * other's. PeerJS ids allow letters, digits, `-` and `_`.
 */
export interface RoomIds {
  readonly lab: string;
  readonly page: string;
  readonly signal: string;
}

/** What follows the seat in an id other than the lab's (broker-shards.ts cuts these off too). */
export const ID_SUFFIXES = { page: '-page', signal: '-signal' } as const;

export function roomIds(room: string, labId: string, role: Role): RoomIds {
  const base = `webrtclab-${labId}-${room}-${role}`;
  return { lab: base, page: `${base}${ID_SUFFIXES.page}`, signal: `${base}${ID_SUFFIXES.signal}` };
}

/**
 * The partner URL: this page, the room and the other role, and the lab to scroll to. With
 * `origin` (LAN mode's https address), the same page on that origin: a laptop's tab on
 * http://localhost hands a phone an address the phone can open, and one that is a secure context.
 */
export function partnerUrl(pageUrl: string, room: string, labId: string, role: Role, origin?: string | null): string {
  return seatUrl(pageUrl, room, labId, otherRole(role), origin);
}

/** The URL that opens this page into seat `role` of the room (on `origin` when given, as partnerUrl). */
export function seatUrl(pageUrl: string, room: string, labId: string, role: Role, origin?: string | null): string {
  const url = new URL(pageUrl);
  if (origin) {
    const target = new URL(origin);
    url.protocol = target.protocol;
    url.host = target.host;
  }
  url.search = new URLSearchParams({ room, lab: labId, role }).toString();
  url.hash = `lab-${labId}`;
  return url.toString();
}

/**
 * The seat to offer the next joiner: the lowest one that is neither present (this tab included)
 * nor already handed out (a tab just opened may not be present yet); when all are, the lowest
 * seat not present, offered again; null when the room is full.
 */
export function nextFreeSeat(size: number, present: ReadonlySet<Role>, offered: ReadonlySet<Role>): Role | null {
  const free = roomRoles(size).filter((role) => !present.has(role));
  return free.find((role) => !offered.has(role)) ?? free[0] ?? null;
}

export interface RoomParams {
  readonly room: string;
  readonly lab: string;
  readonly role: Role;
}

/** The room a page was opened into (`?room=k7q2&lab=…&role=guest`), if any. */
export function roomFromSearch(search: string): RoomParams | null {
  const params = new URLSearchParams(search);
  const room = parseRoomCode(params.get('room'));
  const lab = params.get('lab');
  const role = parseRole(params.get('role')) ?? 'guest';
  if (!room || !lab || !/^[a-z0-9-]{1,60}$/.test(lab)) return null;
  return { room, lab, role };
}
