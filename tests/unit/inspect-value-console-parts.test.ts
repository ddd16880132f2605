import { describe, expect, it } from 'vitest';
import type { Inspected } from '../../src/lib/feed.ts';
import { inspect } from '../../src/lib/inspect/capture.ts';
import { consoleParts } from '../../src/lib/inspect/console-parts.ts';
import { looksLikeSdp, sdpLines } from '../../src/lib/inspect/sdp.ts';
import { fake, fakeStatsReport } from '../support/inspect-fakes.ts';

const SDP = 'v=0\r\no=- 4611 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n';
const args = (...values: unknown[]): Inspected[] => values.map((v) => inspect(v));

describe('looksLikeSdp / sdpLines', () => {
  it.each<[string, boolean]>([
    [SDP, true],
    [SDP.replaceAll('\r\n', '\n'), true],
    ['v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\nm', true], // cut short by truncation
    ['v=0\r\n', false],
    ['v=0\nhello world', false],
    ['not sdp\r\nv=0\r\n', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeSdp(text)).toBe(expected);
  });

  it('splits on CRLF or LF and drops the final empty line', () => {
    expect(sdpLines(SDP)).toEqual(['v=0', 'o=- 4611 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0', 'm=video 9 UDP/TLS/RTP/SAVPF 96']);
    expect(sdpLines('v=0\no=x')).toEqual(['v=0', 'o=x']);
  });
});

describe('consoleParts', () => {
  it('keeps plain arguments as one text, with format specifiers applied', () => {
    expect(consoleParts(args('state:', 'connected', { a: 1 }))).toEqual([{ kind: 'text', text: 'state: connected {a: 1}' }]);
    expect(consoleParts(args('%s has %d', 'pc', 2, 'more'))).toEqual([{ kind: 'text', text: 'pc has 2 more' }]);
    expect(consoleParts([])).toEqual([]);
  });

  it('shows an SDP string as its lines, even when it holds a %', () => {
    expect(consoleParts(args('offer:', SDP))).toEqual([
      { kind: 'text', text: 'offer:' },
      { kind: 'sdp', title: '', lines: sdpLines(SDP), truncated: 0 },
    ]);
    const withPercent = `${SDP}a=x:%s\r\n`;
    expect(consoleParts(args(withPercent, 'y'))).toEqual([
      { kind: 'sdp', title: '', lines: sdpLines(withPercent), truncated: 0 },
      { kind: 'text', text: 'y' },
    ]);
  });

  it('shows a session description (class or plain init) as a title and its SDP lines', () => {
    expect(consoleParts(args(fake('RTCSessionDescription', { type: 'offer', sdp: SDP })))).toEqual([
      { kind: 'sdp', title: 'RTCSessionDescription {type: "offer"}', lines: sdpLines(SDP), truncated: 0 },
    ]);
    expect(consoleParts(args({ type: 'answer', sdp: SDP }))).toMatchObject([{ kind: 'sdp', title: '{type: "answer"}' }]);
    // Not SDP: an ordinary object stays inline.
    expect(consoleParts(args({ type: 'x', sdp: 'hello' }))).toEqual([{ kind: 'text', text: '{type: "x", sdp: "hello"}' }]);
  });

  it('marks an SDP that inspect() cut short', () => {
    const cut: Inspected = { t: 'string', v: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns', truncated: 40 };
    expect(consoleParts([cut])).toEqual([{ kind: 'sdp', title: '', lines: ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's'], truncated: 40 }]);
  });

  it('lists a stats report entry by entry: id, type and the other fields as text', () => {
    const parts = consoleParts(args('stats', fakeStatsReport(), 'after'));
    expect(parts).toEqual([
      { kind: 'text', text: 'stats' },
      {
        kind: 'stats',
        tag: 'RTCStatsReport',
        entries: [
          { id: 'T01', type: 'transport', fields: [['bytesSent', '1200']], more: 0 },
          { id: 'CP1', type: 'candidate-pair', fields: [['currentRoundTripTime', '0.012'], ['state', '"succeeded"']], more: 0 },
        ],
        more: 0,
      },
      { kind: 'text', text: 'after' },
    ]);
  });

  it('formats nested stats fields on one line and carries counts of what was left out', () => {
    const report: Inspected = {
      t: 'map',
      tag: 'RTCStatsReport',
      entries: [
        [{ t: 'string', v: 'OT1' }, { t: 'object', tag: 'Object', entries: [['type', { t: 'string', v: 'outbound-rtp' }], ['qualityLimitationDurations', inspect({ cpu: 0, none: 1.5 })]], more: 3 }],
        [{ t: 'string', v: 'X' }, { t: 'elided', tag: 'Object' }],
      ],
      more: 7,
    };
    expect(consoleParts([report])).toEqual([
      {
        kind: 'stats',
        tag: 'RTCStatsReport',
        entries: [
          { id: 'OT1', type: 'outbound-rtp', fields: [['qualityLimitationDurations', '{cpu: 0, none: 1.5}']], more: 3 },
          { id: 'X', type: '{…}', fields: [], more: 0 },
        ],
        more: 7,
      },
    ]);
  });
});
