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
export type Role = (typeof ROLES)[number];

export function otherRole(role: Role): Role {
  return role === 'host' ? 'guest' : 'host';
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

export function parseRole(text: string | null | undefined): Role | null {
  return (ROLES as readonly (string | null | undefined)[]).includes(text) ? (text as Role) : null;
}

/**
 * Broker ids in a room. Each tab holds two: the page's own (presence and the partner's goals)
 * and the lab's (the learner's PeerJS peer, in the lab frame). Both derive from room, lab and
 * role, so either side computes the other's. PeerJS ids allow letters, digits, `-` and `_`.
 */
export interface RoomIds {
  readonly lab: string;
  readonly page: string;
}

export function roomIds(room: string, labId: string, role: Role): RoomIds {
  const base = `webrtclab-${labId}-${room}-${role}`;
  return { lab: base, page: `${base}-page` };
}

/** The partner URL: this page, the room and the other role, and the lab to scroll to. */
export function partnerUrl(pageUrl: string, room: string, labId: string, role: Role): string {
  const url = new URL(pageUrl);
  url.search = new URLSearchParams({ room, lab: labId, role: otherRole(role) }).toString();
  url.hash = `lab-${labId}`;
  return url.toString();
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
