import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { payloadShapeProblem } from '../../src/lib/broker-message.ts';
import { goalSchema } from '../../src/lib/goal-checks.ts';
import {
  brokerSocketUrl,
  candidateFrame,
  GOALS_LIMITS,
  HEARTBEAT_FRAME,
  isPresence,
  parsePairMessage,
  readBrokerFrame,
  readRoomFrame,
} from '../../src/lib/pairing/pair-messages.ts';

const ids = { self: 'webrtclab-x-k7q2-host-page', partner: 'webrtclab-x-k7q2-guest-page' };
const frame = (value: unknown): string => JSON.stringify(value);

describe('pair messages', () => {
  it('accept presence and goals as sent', () => {
    for (const pair of ['hello', 'here', 'bye'] as const) {
      expect(parsePairMessage({ pair })).toEqual({ pair });
      expect(isPresence({ pair })).toBe(true);
    }
    const goals = { pair: 'goals', met: ['remote-video', 'dc-open'] };
    expect(parsePairMessage(goals)).toEqual(goals);
    expect(isPresence({ pair: 'goals', met: [] })).toBe(false);
    expect(parsePairMessage({ pair: 'goals', met: [] })).toEqual({ pair: 'goals', met: [] });
  });

  it('refuse other kinds, extra keys and wrong shapes', () => {
    for (const payload of [
      null,
      'hello',
      ['hello'],
      {},
      { pair: 'HELLO' },
      { pair: 'hello', extra: 1 },
      { pair: 'goals' },
      { pair: 'goals', met: 'a' },
      { pair: 'goals', met: [1] },
      { pair: 'goals', met: ['ok'], extra: true },
      { pair: 'goals', met: ['Upper'] },
      { pair: 'goals', met: ['1st'] },
      { pair: 'goals', met: ['a', 'a'] },
      { pair: 'goals', met: ['<img src=x>'] },
      { pair: 'toString' },
      { pair: 'constructor' },
    ]) {
      expect(parsePairMessage(payload), JSON.stringify(payload)).toBeNull();
    }
  });

  it('bound the goal list in count and id length', () => {
    const many = Array.from({ length: GOALS_LIMITS.maxGoals }, (_, i) => `g${i}`);
    expect(parsePairMessage({ pair: 'goals', met: many })).not.toBeNull();
    expect(parsePairMessage({ pair: 'goals', met: [...many, 'one-more'] })).toBeNull();
    const longest = 'a'.repeat(GOALS_LIMITS.maxIdLength);
    expect(parsePairMessage({ pair: 'goals', met: [longest] })).not.toBeNull();
    expect(parsePairMessage({ pair: 'goals', met: [`${longest}a`] })).toBeNull();
  });

  it('take every goal id a lab may declare, up to the length bound', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,63}$/), (goalId) => {
        const declared = goalSchema.safeParse({ id: goalId, title: { en: 't', ko: 't' }, check: { kind: 'connection-state', state: 'connected' } });
        expect(declared.success).toBe(true);
        expect(parsePairMessage({ pair: 'goals', met: [goalId] })).toEqual({ pair: 'goals', met: [goalId] });
      }),
    );
  });

  it('fit the broker payload limits even at their largest', () => {
    const met = Array.from({ length: GOALS_LIMITS.maxGoals }, (_, i) => `${'g'.repeat(GOALS_LIMITS.maxIdLength - 3)}${String(i).padStart(3, '0')}`);
    const message = parsePairMessage({ pair: 'goals', met });
    expect(message).not.toBeNull();
    expect(payloadShapeProblem(message)).toBeNull();
    expect(candidateFrame(ids.partner, message!).length).toBeLessThan(8 * 1024);
  });

  it('never throw, whatever arrives', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parsePairMessage(value);
        if (parsed) expect(payloadShapeProblem(parsed)).toBeNull();
      }),
    );
  });
});

describe('broker frames', () => {
  it('build the socket URL on the site origin', () => {
    expect(brokerSocketUrl('http://localhost:4321', 'a-page', 'tok')).toBe('ws://localhost:4321/peerjs/peerjs?key=peerjs&id=a-page&token=tok');
    expect(brokerSocketUrl('https://192.168.1.5:8443/', 'a', 't')).toBe('wss://192.168.1.5:8443/peerjs/peerjs?key=peerjs&id=a&token=t');
  });

  it('carry pair messages in CANDIDATE frames, and heartbeats bare', () => {
    expect(JSON.parse(candidateFrame(ids.partner, { pair: 'here' }))).toEqual({ type: 'CANDIDATE', dst: ids.partner, payload: { pair: 'here' } });
    expect(JSON.parse(HEARTBEAT_FRAME)).toEqual({ type: 'HEARTBEAT' });
  });

  it('read what PeerServer sends', () => {
    expect(readBrokerFrame(frame({ type: 'OPEN' }), ids)).toEqual({ kind: 'open' });
    expect(readBrokerFrame(frame({ type: 'ID-TAKEN', payload: { msg: 'ID is taken' } }), ids)).toEqual({ kind: 'id-taken' });
    expect(readBrokerFrame(frame({ type: 'ERROR', payload: { msg: 'Invalid key provided' } }), ids)).toEqual({ kind: 'error', text: 'Invalid key provided' });
    expect(readBrokerFrame(frame({ type: 'ERROR' }), ids)).toEqual({ kind: 'error', text: '' });
  });

  it('hear the partner, and only the partner', () => {
    const payload = { pair: 'goals', met: ['call'] };
    expect(readBrokerFrame(frame({ type: 'CANDIDATE', src: ids.partner, dst: ids.self, payload }), ids)).toEqual({ kind: 'partner', message: payload });
    expect(readBrokerFrame(frame({ type: 'CANDIDATE', src: 'someone-else', payload }), ids)).toEqual({ kind: 'ignored' });
    expect(readBrokerFrame(frame({ type: 'CANDIDATE', src: ids.partner, payload: { pair: 'nope' } }), ids)).toEqual({ kind: 'ignored' });
    expect(readBrokerFrame(frame({ type: 'OFFER', src: ids.partner, payload }), ids)).toEqual({ kind: 'ignored' });
  });

  it('know its own frame when it comes back, whatever it carries', () => {
    expect(readBrokerFrame(frame({ type: 'CANDIDATE', src: ids.self, dst: ids.self, payload: { pair: 'here' } }), ids)).toEqual({ kind: 'self' });
  });

  it('read EXPIRE and LEAVE about the partner as the partner gone', () => {
    expect(readBrokerFrame(frame({ type: 'EXPIRE', src: ids.partner, dst: ids.self }), ids)).toEqual({ kind: 'partner-gone' });
    expect(readBrokerFrame(frame({ type: 'LEAVE', src: ids.partner, dst: ids.self }), ids)).toEqual({ kind: 'partner-gone' });
    expect(readBrokerFrame(frame({ type: 'EXPIRE', src: 'someone-else' }), ids)).toEqual({ kind: 'ignored' });
  });

  it('ignore what is not a frame', () => {
    for (const data of ['', 'not json', '[]', 'null', '42', frame({ type: 'HEARTBEAT' }), frame({ type: 'UNKNOWN' })]) {
      expect(readBrokerFrame(data, ids)).toEqual({ kind: 'ignored' });
    }
    expect(readBrokerFrame(new ArrayBuffer(4), ids)).toEqual({ kind: 'ignored' });
  });
});

describe('frames in a room of several', () => {
  it('say which partner a message or a departure is from, and ignore anyone else', () => {
    const frame = (value: unknown) => JSON.stringify(value);
    const partners = ['room-guest-page', 'room-guest2-page'];
    const payload = { pair: 'here' };
    expect(readRoomFrame(frame({ type: 'CANDIDATE', src: partners[1], payload }), 'room-host-page', partners)).toEqual({ kind: 'partner', from: partners[1], message: payload });
    expect(readRoomFrame(frame({ type: 'EXPIRE', src: partners[0] }), 'room-host-page', partners)).toEqual({ kind: 'partner-gone', from: partners[0] });
    expect(readRoomFrame(frame({ type: 'CANDIDATE', src: 'room-guest3-page', payload }), 'room-host-page', partners)).toEqual({ kind: 'ignored' });
  });
});
