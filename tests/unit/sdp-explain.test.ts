import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainSdp, type ExplainedLine } from '../../src/lib/sdp-explain.ts';
import { SDP_LINES } from '../../src/lib/sdp-lines.ts';

interface SdpPair {
  offer: string;
  answer: string;
}
interface Recorded {
  browser: string;
  call: SdpPair;
  dataOnly: SdpPair;
  callGathered: SdpPair;
  dataOnlyGathered: SdpPair;
}

const fixture = (name: string): Recorded => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Recorded;
const chromium = fixture('sdp-chromium-156.json');
const firefox = fixture('sdp-firefox-153.json');

/** Every recorded description: both browsers' samples, and each one the lab feeds saw in Chromium. */
function recordedSdps(): Array<[string, string]> {
  const samples = Object.entries({ chromium, firefox }).flatMap(([browser, recorded]) =>
    (['call', 'dataOnly', 'callGathered', 'dataOnlyGathered'] as const).flatMap((name) =>
      (['offer', 'answer'] as const).map((type): [string, string] => [`${browser} ${name} ${type}`, recorded[name][type]]),
    ),
  );
  const feeds = new URL('../fixtures/feeds/', import.meta.url);
  const fromFeeds = readdirSync(feeds)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const events = JSON.parse(readFileSync(new URL(file, feeds), 'utf8')) as Array<{ type: string; pc?: string; side?: string; sdpType?: string; sdp?: string }>;
      return events
        .filter((event) => event.type === 'pc-description' && typeof event.sdp === 'string')
        .map((event, i): [string, string] => [`${file} #${i} ${event.pc} ${event.side} ${event.sdpType}`, event.sdp ?? '']);
    });
  return [...samples, ...fromFeeds];
}

const HANGUL = /[가-힣]/;
const ATTRIBUTES = Object.keys(SDP_LINES).flatMap((kind) => (kind.startsWith('a=') ? [kind.slice(2)] : []));
/** A value that leaked into prose instead of words. */
const LEAK = /\bundefined\b|\bNaN\b|\[object /;

function lineOf(sdp: string, prefix: string): ExplainedLine {
  const found = explainSdp(sdp).find((entry) => entry.line.startsWith(prefix));
  if (!found) throw new Error(`no line starting ${prefix}`);
  return found;
}

const OFFER = [
  'v=0',
  'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0 1',
  'a=msid-semantic: WMS',
  'm=video 9 UDP/TLS/RTP/SAVPF 96 97',
  'c=IN IP4 0.0.0.0',
  'a=setup:actpass',
  'a=mid:0',
  'a=sendrecv',
  'a=rtpmap:96 VP8/90000',
  'a=rtcp-fb:96 nack pli',
  'a=rtpmap:97 rtx/90000',
  'a=fmtp:97 apt=96',
  'a=candidate:1 1 udp 2122260223 127.0.0.1 54321 typ host generation 0',
  'a=candidate:2 1 udp 1686052607 203.0.113.7 61000 typ srflx raddr 192.168.1.20 rport 54321',
  'a=candidate:3 1 udp 2122262783 2001:db8::1 54322 typ host',
  'a=candidate:4 1 udp 2122262783 4a1c2f3e-1111-2222-3333-444455556666.local 54323 typ host',
  'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
  'c=IN IP4 0.0.0.0',
  'a=mid:1',
  'a=sctp-port:5000',
  'a=max-message-size:262144',
  '',
].join('\r\n');

describe('explainSdp on real descriptions', () => {
  const all = recordedSdps();

  it('has Chromium and Firefox samples with candidates, and the feeds’ descriptions', () => {
    expect(chromium.browser).toMatch(/Chrome\/156/);
    expect(firefox.browser).toMatch(/Firefox\/153/);
    for (const recorded of [chromium, firefox]) {
      expect(recorded.callGathered.offer).toMatch(/^a=candidate:/m);
      expect(recorded.call.offer).toMatch(/^m=video /m);
      expect(recorded.dataOnly.offer).toMatch(/^m=application /m);
    }
    expect(all.length).toBeGreaterThan(16 + 50);
  });

  it('explains every line of every recorded description, in English and Korean', () => {
    const missing = all.flatMap(([name, sdp]) =>
      explainSdp(sdp)
        .filter(({ explanation: e }) => !e || e.en.trim() === '' || !HANGUL.test(e.ko) || LEAK.test(e.en) || LEAK.test(e.ko))
        .map((entry) => `${name}: ${entry.line}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives one entry per line, in order, with the m-section each is in', () => {
    for (const [, sdp] of all) {
      const entries = explainSdp(sdp);
      expect(entries.map((e) => e.line).join('\r\n') + '\r\n').toBe(sdp);
      const sections = entries.filter((e) => e.kind === 'm=').map((e) => e.mediaIndex);
      expect(sections).toEqual(sections.map((_, i) => i));
      for (const entry of entries) expect(entry.session).toBe(entry.mediaIndex === null);
    }
  });

  it('names the address of each candidate Firefox gathered', () => {
    const candidates = explainSdp(firefox.callGathered.offer).filter((e) => e.kind === 'a=candidate');
    expect(candidates.length).toBeGreaterThan(0);
    for (const { line, explanation } of candidates) {
      const [, , , , ip = '', port] = line.split(' ');
      const address = ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
      expect(explanation?.en).toContain(address);
      expect(explanation?.ko).toContain(address);
    }
  });
});

describe('explainSdp says what a line means for this session', () => {
  it('names the codec and clock of a payload type', () => {
    const { explanation } = lineOf(OFFER, 'a=rtpmap:96');
    expect(explanation?.en).toContain('Payload type 96 is VP8 at 90 kHz.');
    expect(explanation?.ko).toContain('페이로드 타입 96: VP8(RTP 클럭 90 kHz).');
  });

  it('links a retransmission payload type to the codec it repairs', () => {
    expect(lineOf(OFFER, 'a=rtpmap:97').explanation?.en).toContain('It retransmits the packets of payload type 96 (VP8).');
    expect(lineOf(OFFER, 'a=fmtp:97').explanation?.en).toBe('Format parameters of payload type 97 (RTX): apt=96: it retransmits the packets of payload type 96 (VP8).');
    expect(lineOf(OFFER, 'a=rtcp-fb:96').explanation?.en).toContain('Payload type 96 (VP8) supports PLI feedback.');
  });

  it('says which DTLS role an offer leaves open', () => {
    const { explanation } = lineOf(OFFER, 'a=setup:actpass');
    expect(explanation?.en).toContain('DTLS client or the server (actpass)');
    expect(explanation?.ko).toContain('actpass');
  });

  it('describes each candidate by type, address and transport', () => {
    expect(lineOf(OFFER, 'a=candidate:1 ').explanation?.en).toMatch(/^A host candidate: 127\.0\.0\.1:54321 over UDP, an address of a network interface/);
    const srflx = lineOf(OFFER, 'a=candidate:2 ').explanation;
    expect(srflx?.en).toContain('server-reflexive (srflx) candidate: 203.0.113.7:61000 over UDP');
    expect(srflx?.en).toContain('for the local address 192.168.1.20:54321');
    expect(srflx?.ko).toContain('서버 반사(srflx) 후보: 203.0.113.7:61000, UDP.');
    expect(lineOf(OFFER, 'a=candidate:3 ').explanation?.en).toContain('[2001:db8::1]:54322');
    expect(lineOf(OFFER, 'a=candidate:4 ').explanation?.en).toContain('hidden behind an mDNS name');
  });

  it('tells the data-channel m-section and its limits apart from media', () => {
    const entries = explainSdp(OFFER);
    const application = entries.find((e) => e.line.startsWith('m=application'));
    expect(application?.mediaIndex).toBe(1);
    expect(application?.explanation?.en).toContain('Start of m-section 2: data channels.');
    expect(lineOf(OFFER, 'a=max-message-size').explanation?.en).toContain('262144 bytes (256 KiB)');
    expect(lineOf(OFFER, 'a=sendrecv').explanation?.en).toBe('Direction: in this m-section, this side both sends and receives video.');
    expect(lineOf(OFFER, 'a=group:BUNDLE').explanation?.en).toContain('mid 0, 1 share one transport');
  });

  it('reads the session id and version of the origin line', () => {
    const origin = lineOf(OFFER, 'o=');
    expect(origin.session).toBe(true);
    expect(origin.explanation?.en).toContain('Session id 4611731400430051336');
    expect(origin.explanation?.en).toContain('version 2');
  });

  it('decodes an H.264 profile-level-id', () => {
    const sdp = 'm=video 9 UDP/TLS/RTP/SAVPF 102 127\r\na=rtpmap:102 H264/90000\r\na=fmtp:102 packetization-mode=1;profile-level-id=42e01f\r\na=rtpmap:127 H264/90000\r\na=fmtp:127 profile-level-id=640c34\r\n';
    expect(lineOf(sdp, 'a=fmtp:102').explanation?.en).toContain('H.264 Constrained Baseline profile, level 3.1');
    expect(lineOf(sdp, 'a=fmtp:127').explanation?.en).toContain('H.264 Constrained High profile, level 5.2');
  });
});

describe('explainSdp on what it does not know', () => {
  it('explains a bandwidth line with no number without writing "undefined" (a fuzz counterexample)', () => {
    for (const line of ['b=AS:', 'b=TIAS:', 'b=AS:x']) {
      const [entry] = explainSdp(line);
      expect(entry?.explanation?.en).toBe('Bandwidth limit for the whole session.');
      expect(entry?.explanation?.ko).not.toMatch(/undefined|NaN/);
    }
  });

  it('gives no explanation for an unknown attribute or line type, and keeps the line', () => {
    const entries = explainSdp('v=0\r\na=x-made-up:1 2 3\r\nq=what\r\nnot sdp at all\r\n');
    expect(entries.map((e) => [e.line, e.kind, e.explanation])).toEqual([
      ['v=0', 'v=', expect.anything()],
      ['a=x-made-up:1 2 3', 'a=x-made-up', null],
      ['q=what', 'q=', null],
      ['not sdp at all', '', null],
    ]);
  });

  it('says what a malformed line of a known kind is for, without inventing values', () => {
    for (const line of ['a=rtpmap:abc', 'a=candidate:garbage', 'a=fmtp:', 'm=', 'o=', 'a=ssrc-group:', 'a=extmap:', 'b=', 'a=rtcp-fb:']) {
      const { explanation } = lineOf(`${line}\r\n`, line);
      expect(explanation, line).not.toBeNull();
      expect(LEAK.test(explanation?.en ?? '') || LEAK.test(explanation?.ko ?? ''), line).toBe(false);
    }
  });

  it('never throws, and never writes undefined or NaN, whatever it is given', () => {
    for (const odd of [null, undefined, 42, {}, ''] as unknown[]) expect(explainSdp(odd as string)).toEqual([]);
    // Pieces of real lines, so the grammar's patterns match odd values, not only reject them.
    const piece = fc.constantFrom('0', '9', '96', '97', 'VP8', 'rtx', 'red', 'H264', '/', '90000', ' ', '=', ';', ':', '*', '-', 'apt', 'typ', 'host', 'relay', 'udp', 'tcp', '127.0.0.1', 'a.local', 'IN', 'IP4', 'AS', 'FID', 'WMS', 'nack', 'pli');
    const value = fc.oneof(fc.string(), fc.array(piece, { maxLength: 14 }).map((parts) => parts.join('')));
    // A line that spells one of the leak words itself is left out: its explanation may echo it
    // (seen in CI: `a=rtcp-xr:NaN`), and an echo is not a leak.
    const line = fc
      .oneof(
        fc.string(),
        fc.tuple(fc.constantFrom('v', 'o', 's', 't', 'c', 'b', 'm', 'a', 'z', 'i', 'k'), value).map(([type, rest]) => `${type}=${rest}`),
        fc.tuple(fc.constantFrom(...ATTRIBUTES), value).map(([name, rest]) => `a=${name}:${rest}`),
      )
      .filter((text) => !LEAK.test(text));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        for (const { kind, explanation } of explainSdp(lines.join('\r\n'))) {
          expect(LEAK.test(explanation?.en ?? '') || LEAK.test(explanation?.ko ?? '')).toBe(false);
          // A known kind explains even an odd line: its template did not fail.
          if (Object.hasOwn(SDP_LINES, kind)) expect(explanation).not.toBeNull();
        }
      }),
      { numRuns: 3000 },
    );
  });
});
