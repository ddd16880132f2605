import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PAYLOAD_LIMITS, parseClientMessage } from '../../src/lib/broker-message.ts';

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

  it('accepts the payloads PeerJS sends: an offer with its options and metadata, a candidate', () => {
    const offer = {
      type: 'OFFER',
      dst: 'b',
      payload: {
        sdp: { type: 'offer', sdp: 'v=0\r\n'.repeat(500) },
        type: 'data',
        connectionId: 'dc_abc',
        browser: 'chrome',
        label: 'dc_abc',
        reliable: true,
        serialization: 'raw',
        metadata: { room: 'k7q2', role: 'host', tags: ['a', 'b'] },
      },
    };
    expect(parseClientMessage(JSON.stringify(offer)).ok).toBe(true);
    const candidate = { type: 'CANDIDATE', dst: 'b', payload: { candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0, usernameFragment: 'x' }, type: 'data', connectionId: 'dc_abc' } };
    expect(parseClientMessage(JSON.stringify(candidate)).ok).toBe(true);
  });

  it('refuses payloads shaped to pin memory: many tiny objects, deep nesting, wide objects', () => {
    const tiny = JSON.stringify({ type: 'OFFER', dst: 'b', payload: Array.from({ length: 20_000 }, () => ({})) });
    expect(tiny.length).toBeLessThan(64 * 1024);
    expect(parseClientMessage(tiny)).toEqual({ ok: false, reason: `payload has more than ${PAYLOAD_LIMITS.maxValues} values` });
    let deep: unknown = 'x';
    for (let i = 0; i < 10; i += 1) deep = { d: deep };
    expect(parseClientMessage(JSON.stringify({ type: 'OFFER', dst: 'b', payload: deep }))).toEqual({ ok: false, reason: `payload is nested deeper than ${PAYLOAD_LIMITS.maxDepth}` });
    const wide = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    expect(parseClientMessage(JSON.stringify({ type: 'CANDIDATE', dst: 'b', payload: wide }))).toEqual({ ok: false, reason: `payload object has more than ${PAYLOAD_LIMITS.maxKeys} keys` });
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
