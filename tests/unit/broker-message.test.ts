import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseClientMessage } from '../../src/lib/broker-message.ts';

describe('broker message parsing', () => {
  it('accepts what a PeerJS client sends', () => {
    expect(parseClientMessage('{"type":"HEARTBEAT"}')).toEqual({ ok: true, message: { type: 'HEARTBEAT' } });
    const offer = parseClientMessage(JSON.stringify({ type: 'OFFER', dst: 'room-k7q2-b', payload: { sdp: { type: 'offer', sdp: 'v=0' } } }));
    expect(offer.ok && offer.message.dst).toBe('room-k7q2-b');
  });

  it('explains what is wrong with bad input', () => {
    expect(parseClientMessage('hello')).toEqual({ ok: false, reason: 'not JSON' });
    expect(parseClientMessage('[1,2]')).toEqual({ ok: false, reason: 'not a JSON object' });
    expect(parseClientMessage('null')).toEqual({ ok: false, reason: 'not a JSON object' });
    expect(parseClientMessage('{"type":"OPEN"}')).toMatchObject({ ok: false, reason: 'unknown message type "OPEN"' });
    expect(parseClientMessage('{"type":"OFFER"}')).toMatchObject({ ok: false, reason: expect.stringContaining('destination') });
    expect(parseClientMessage(JSON.stringify({ type: 'OFFER', dst: 'x'.repeat(129) })).ok).toBe(false);
  });

  it('never throws, whatever arrives (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = parseClientMessage(text);
        return result.ok || result.reason.length > 0;
      }),
    );
  });
});
