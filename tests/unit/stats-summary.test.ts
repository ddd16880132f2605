import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { summarizeStats } from '../../src/lib/stats-summary.ts';

interface Recorded {
  sender: unknown[];
  receiver: unknown[];
  dataOnly: unknown[];
  beforeNegotiation?: unknown[];
}

const load = (name: string): Recorded => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Recorded;
const chromium = load('stats-chromium-156.json');
const firefox = load('stats-firefox-153.json');

const isInbound = (stat: unknown): boolean => (stat as { type?: string }).type === 'inbound-rtp';

const NO_CODECS = { outboundVideo: null, inboundVideo: null, outboundAudio: null, inboundAudio: null };

describe('summarizeStats on Chromium reports', () => {
  it('sums RTP payload per kind on the sending end and names the codecs it sends', () => {
    expect(summarizeStats(chromium.sender)).toEqual({
      // The report's own time, not the remote-inbound-rtp stats' older RTCP times.
      timestamp: 1796032320104.921,
      framesDecoded: 0,
      framesSent: 55,
      bytesReceived: 0,
      bytesSent: 167401 + 7865,
      videoBytesSent: 167401,
      videoBytesReceived: 0,
      audioBytesSent: 7865,
      audioBytesReceived: 0,
      codecs: { ...NO_CODECS, outboundVideo: 'video/VP8', outboundAudio: 'audio/opus' },
      roundTripTime: 0.001,
      localCandidateType: 'host',
      remoteCandidateType: 'host',
      selectedPair: expect.objectContaining({ local: expect.objectContaining({ type: 'host', address: '127.0.0.1', protocol: 'udp' }) }),
      packetsLostOut: 0,
      packetsLostIn: 0,
      jitterIn: null,
      framesPerSecondIn: null,
      framesPerSecondOut: expect.any(Number),
      audioLevelIn: null,
      audioLevelOut: expect.any(Number),
    });
  });

  it('counts what the receiving end received and decoded, not what remote-outbound-rtp says was sent', () => {
    const summary = summarizeStats(chromium.receiver);
    expect(summary).toMatchObject({
      timestamp: 1796032320106.541,
      framesDecoded: 55,
      bytesReceived: 167401 + 7865,
      bytesSent: 0,
      videoBytesReceived: 167401,
      audioBytesReceived: 7865,
      videoBytesSent: 0,
      codecs: { ...NO_CODECS, inboundVideo: 'video/VP8', inboundAudio: 'audio/opus' },
    });
  });

  it('reads what the Inspector charts on the receiving end: frame rate, the worst jitter, loss and audio level', () => {
    expect(summarizeStats(chromium.receiver)).toMatchObject({
      framesPerSecondIn: 20,
      framesPerSecondOut: null,
      // Video 4 ms, audio 2 ms: the worse of the two.
      jitterIn: 0.004,
      packetsLostIn: 0,
      audioLevelIn: 0,
    });
    expect(summarizeStats(firefox.receiver)).toMatchObject({ framesPerSecondIn: 31, audioLevelIn: 0.0989104892117069 });
  });

  it('counts packets lost both ways: inbound-rtp for ours, remote-inbound-rtp for the other end', () => {
    const lossy = chromium.receiver.map((stat) => (isInbound(stat) ? { ...(stat as object), packetsLost: 7 } : stat));
    const withRemote = [...chromium.sender, { id: 'RI1', type: 'remote-inbound-rtp', kind: 'video', timestamp: 1, packetsLost: 3 }];
    expect(summarizeStats(lossy).packetsLostIn).toBe(14);
    expect(summarizeStats(withRemote).packetsLostOut).toBe(3);
  });

  it('falls back to the transport for a data-only connection', () => {
    expect(summarizeStats(chromium.dataOnly)).toMatchObject({
      bytesSent: 2237,
      bytesReceived: 2378,
      videoBytesSent: 0,
      audioBytesSent: 0,
      codecs: NO_CODECS,
      localCandidateType: 'host',
    });
  });

  it('gives zeros and nulls before negotiation', () => {
    expect(summarizeStats(chromium.beforeNegotiation ?? [])).toEqual({
      timestamp: 1796032320643.727,
      framesDecoded: 0,
      framesSent: 0,
      bytesReceived: 0,
      bytesSent: 0,
      videoBytesSent: 0,
      videoBytesReceived: 0,
      audioBytesSent: 0,
      audioBytesReceived: 0,
      codecs: NO_CODECS,
      roundTripTime: null,
      localCandidateType: null,
      remoteCandidateType: null,
      selectedPair: null,
      packetsLostOut: 0,
      packetsLostIn: 0,
      jitterIn: null,
      framesPerSecondIn: null,
      framesPerSecondOut: null,
      audioLevelIn: null,
      audioLevelOut: null,
    });
  });

  it('reads a report as its Map or its values alike', () => {
    const asMap = new Map(chromium.sender.map((stat) => [(stat as { id: string }).id, stat]));
    expect(summarizeStats(asMap.values())).toEqual(summarizeStats(chromium.sender));
  });
});

describe('summarizeStats on Firefox ESR 153 reports', () => {
  it('sums RTP payload per kind on the sending end and finds the pair the transport names', () => {
    expect(summarizeStats(firefox.sender)).toEqual({
      timestamp: 1796042756177,
      framesDecoded: 0,
      framesSent: 31,
      bytesReceived: 0,
      bytesSent: 16657 + 8210,
      videoBytesSent: 16657,
      videoBytesReceived: 0,
      audioBytesSent: 8210,
      audioBytesReceived: 0,
      codecs: { ...NO_CODECS, outboundVideo: 'video/VP8', outboundAudio: 'audio/opus' },
      // Firefox rounds a loopback round trip down to 0 s.
      roundTripTime: 0,
      localCandidateType: 'host',
      remoteCandidateType: 'prflx',
      selectedPair: { local: { type: 'host', address: '127.0.0.1', port: 46538, protocol: 'udp' }, remote: { type: 'prflx', address: '127.0.0.1', port: 39831, protocol: 'udp' } },
      packetsLostOut: 0,
      packetsLostIn: 0,
      jitterIn: null,
      framesPerSecondIn: null,
      // Firefox's sender reports its frame rate; it has no media-source audio level.
      framesPerSecondOut: 30,
      audioLevelIn: null,
      audioLevelOut: null,
    });
  });

  it('reads the receiving end', () => {
    expect(summarizeStats(firefox.receiver)).toMatchObject({
      framesDecoded: 31,
      videoBytesReceived: 15382,
      audioBytesReceived: 8210,
      codecs: { ...NO_CODECS, inboundVideo: 'video/VP8', inboundAudio: 'audio/opus' },
      roundTripTime: 0.001,
      localCandidateType: 'host',
      remoteCandidateType: 'host',
    });
  });

  it('counts a data-only connection on the selected pair, since Firefox transports count no bytes', () => {
    expect(summarizeStats(firefox.dataOnly)).toMatchObject({ timestamp: 1796042756747, bytesSent: 2530, bytesReceived: 2575, codecs: NO_CODECS });
  });

  it('without transport stats, takes the nominated pair, or else the pair marked selected', () => {
    const noTransport = firefox.dataOnly.filter((stat) => (stat as Record<string, unknown>)['type'] !== 'transport');
    expect(summarizeStats(noTransport)).toMatchObject({ bytesSent: 2530, localCandidateType: 'host', remoteCandidateType: 'prflx' });
    const notNominated = noTransport.map((stat) => {
      const s = stat as Record<string, unknown>;
      return s['type'] === 'candidate-pair' ? { ...s, nominated: false } : s;
    });
    expect(summarizeStats(notNominated)).toMatchObject({ bytesSent: 2530, localCandidateType: 'host', remoteCandidateType: 'prflx' });
  });
});

describe('summarizeStats on odd input', () => {
  it('reads the older mediaType, skips non-objects and a codec it cannot find', () => {
    const summary = summarizeStats([
      null,
      'junk',
      { id: 'o1', type: 'outbound-rtp', mediaType: 'video', bytesSent: 10, codecId: 'missing', timestamp: 5 },
      { id: 'o2', type: 'outbound-rtp', kind: 'audio', bytesSent: Number.NaN, timestamp: 6 },
    ]);
    expect(summary).toMatchObject({ timestamp: 6, videoBytesSent: 10, audioBytesSent: 0, bytesSent: 10, codecs: NO_CODECS });
  });
});
