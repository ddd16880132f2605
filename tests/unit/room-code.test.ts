import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newRoomCode, nextFreeSeat, otherRole, otherRoles, parseRole, parseRoomCode, partnerUrl, ROOM_ALPHABET, roomFromSearch, roomIds, roomRoles, seatOf, seatRole, seatUrl, type Role } from '../../src/lib/pairing/room-code.ts';

const fromBytes = (bytes: number[]) => {
  let at = 0;
  return (buffer: Uint8Array): Uint8Array => buffer.map(() => bytes[at++ % bytes.length] ?? 0);
};

describe('room codes', () => {
  it('are four letters of the unambiguous alphabet, whatever the random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 40 }), (bytes) => {
        // A source that only ever gives rejected bytes would never end; keep one usable byte.
        const code = newRoomCode(fromBytes([...bytes, 7]));
        expect(code).toMatch(new RegExp(`^[${ROOM_ALPHABET}]{4}$`));
        expect(parseRoomCode(code)).toBe(code);
      }),
    );
  });

  it('leave out characters people misread', () => {
    for (const char of '01lio') expect(ROOM_ALPHABET).not.toContain(char);
  });

  it('are read back as typed: trimmed and lower-cased, anything else refused', () => {
    expect(parseRoomCode(' K7Q2 ')).toBe('k7q2');
    expect(parseRoomCode('k7q')).toBeNull();
    expect(parseRoomCode('k0q2')).toBeNull();
    expect(parseRoomCode(null)).toBeNull();
  });
});

describe('room ids and links', () => {
  it('give each role its own ids, the same on both sides', () => {
    const host = roomIds('k7q2', 'video-call', 'host');
    const guest = roomIds('k7q2', 'video-call', otherRole('host'));
    expect(host.lab).toBe('webrtclab-video-call-k7q2-host');
    expect(guest.page).toBe('webrtclab-video-call-k7q2-guest-page');
    expect(new Set([host.lab, host.page, guest.lab, guest.page]).size).toBe(4);
    for (const id of [host.lab, guest.page]) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('send the partner to the same page, in the other role, at the lab', () => {
    const url = new URL(partnerUrl('http://localhost:4321/pairing/call/?room=zzzz&x=1#top', 'k7q2', 'video-call', 'host'));
    expect(url.pathname).toBe('/pairing/call/');
    expect(url.hash).toBe('#lab-video-call');
    expect(roomFromSearch(url.search)).toEqual({ room: 'k7q2', lab: 'video-call', role: 'guest' });
  });

  it('point at the LAN origin when one is given, keeping the page and the room', () => {
    const page = 'http://localhost:4321/ko/signaling/video-call/?room=zzzz';
    expect(partnerUrl(page, 'k7q2', 'video-call', 'host', 'https://192.168.1.20:4443')).toBe(
      'https://192.168.1.20:4443/ko/signaling/video-call/?room=k7q2&lab=video-call&role=guest#lab-video-call',
    );
    expect(partnerUrl(page, 'k7q2', 'video-call', 'host', null)).toMatch(/^http:\/\/localhost:4321\/ko\//);
    // A mesh room's seat links go there too.
    expect(seatUrl('http://localhost:4321/signaling/mesh/', 'k7q2', 'mesh', 'guest3', 'https://10.0.0.7:4443')).toBe(
      'https://10.0.0.7:4443/signaling/mesh/?room=k7q2&lab=mesh&role=guest3#lab-mesh',
    );
  });

  it('ignore a page opened without a valid room', () => {
    expect(roomFromSearch('?room=k7q2')).toBeNull();
    expect(roomFromSearch('?room=nope!&lab=x')).toBeNull();
    expect(roomFromSearch('?room=k7q2&lab=../x')).toBeNull();
    expect(roomFromSearch('?room=k7q2&lab=video-call&role=admin')).toEqual({ room: 'k7q2', lab: 'video-call', role: 'guest' });
  });
});

describe('rooms of more than two', () => {
  it('number the seats after host and guest, and read them back', () => {
    expect(roomRoles(4)).toEqual(['host', 'guest', 'guest2', 'guest3']);
    expect(roomRoles(2)).toEqual(['host', 'guest']);
    for (let index = 0; index < 8; index += 1) expect(seatOf(seatRole(index))).toBe(index);
    expect(otherRoles('guest2', 4)).toEqual(['host', 'guest', 'guest3']);
    expect(otherRoles('host', 2)).toEqual(['guest']);
  });

  it('accept only seats a room can have in a URL', () => {
    expect(parseRole('guest3')).toBe('guest3');
    expect(parseRole('guest7')).toBe('guest7');
    for (const text of ['guest8', 'guest1', 'guest0', 'guest02', 'guest10', 'guest-2']) expect(parseRole(text)).toBeNull();
    const url = new URL(seatUrl('http://localhost:4321/signaling/mesh/', 'k7q2', 'mesh', 'guest3'));
    expect(roomFromSearch(url.search)).toEqual({ room: 'k7q2', lab: 'mesh', role: 'guest3' });
  });

  it('give every seat its own ids, so each tab computes all the others', () => {
    const ids = roomRoles(4).flatMap((role) => Object.values(roomIds('k7q2', 'mesh', role)));
    expect(new Set(ids).size).toBe(12);
  });

  it('offer the lowest seat neither present nor handed out, then one not present again', () => {
    const set = (...roles: Role[]) => new Set<Role>(roles);
    expect(nextFreeSeat(4, set('host'), set())).toBe('guest');
    expect(nextFreeSeat(4, set('host'), set('guest'))).toBe('guest2');
    expect(nextFreeSeat(4, set('host', 'guest2'), set('guest'))).toBe('guest3');
    expect(nextFreeSeat(4, set('host'), set('guest', 'guest2', 'guest3'))).toBe('guest');
    expect(nextFreeSeat(4, set('host', 'guest', 'guest2', 'guest3'), set())).toBeNull();
  });
});
