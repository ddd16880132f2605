/** ICE, connection and stats goal kinds. */
import { describe, expect, it } from 'vitest';
import { at, goals, metAfter, stats } from './feed-builder.ts';

const candidate = (ms: number, line: string | null, side: 'local' | 'remote' = 'local') => at(ms, { type: 'pc-candidate', pc: 'pc1', side, candidate: line });
const HOST = 'candidate:1 1 udp 2122260223 127.0.0.1 54321 typ host generation 0';
const RELAY = 'candidate:3 1 udp 41885439 127.0.0.1 50000 typ relay raddr 0.0.0.0 rport 0 generation 0';
const state = (ms: number, value: string, pc = 'pc1') => at(ms, { type: 'pc-state', pc, which: 'connectionState', value });

describe('ice-candidates', () => {
  it('needs every type asked for, gathered on the side asked for', () => {
    const both = goals({ check: { kind: 'ice-candidates', types: ['host', 'relay'] } });
    expect(metAfter(both, [candidate(5, HOST)])).toEqual(new Set());
    expect(metAfter(both, [candidate(5, HOST), candidate(60, RELAY), candidate(61, null)])).toEqual(new Set(['g0']));
    expect(metAfter(both, [candidate(5, HOST, 'remote'), candidate(60, RELAY, 'remote')])).toEqual(new Set());
  });

  it('with only: needs a connection whose finished gathering offered those types and no other', () => {
    const relayOnly = goals({ check: { kind: 'ice-candidates', types: ['relay'], only: true } });
    const relayOn = (ms: number, pc: string) => at(ms, { type: 'pc-candidate', pc, side: 'local', candidate: RELAY });
    const endOn = (ms: number, pc: string) => at(ms, { type: 'pc-candidate', pc, side: 'local', candidate: null });
    expect(metAfter(relayOnly, [candidate(60, RELAY)])).toEqual(new Set());
    expect(metAfter(relayOnly, [candidate(60, RELAY), candidate(61, '')])).toEqual(new Set());
    expect(metAfter(relayOnly, [candidate(60, RELAY), candidate(61, null)])).toEqual(new Set(['g0']));
    expect(metAfter(relayOnly, [candidate(5, HOST), candidate(60, RELAY), candidate(61, null)])).toEqual(new Set());
    expect(metAfter(relayOnly, [candidate(61, null)])).toEqual(new Set());
    // Another connection's host candidate does not spoil one that gathered relay only.
    expect(metAfter(relayOnly, [at(5, { type: 'pc-candidate', pc: 'pc2', side: 'local', candidate: HOST }), relayOn(60, 'pc3'), endOn(70, 'pc3')])).toEqual(new Set(['g0']));
    expect(metAfter(relayOnly, [relayOn(60, 'pc3'), endOn(70, 'pc4')])).toEqual(new Set());
  });
});

describe('ice-selected-pair', () => {
  const relayOnly = goals({ check: { kind: 'ice-selected-pair', localType: 'relay' } });
  it('needs a connected pc whose selected pair is relay', () => {
    expect(metAfter(relayOnly, [state(40, 'connected'), at(1000, { type: 'pc-stats', pc: 'pc1', stats: stats({ localCandidateType: 'relay', remoteCandidateType: 'host' }) })])).toEqual(new Set(['g0']));
    expect(metAfter(relayOnly, [state(40, 'connected'), at(1000, { type: 'pc-stats', pc: 'pc1', stats: stats({ localCandidateType: 'host', remoteCandidateType: 'host' }) })])).toEqual(new Set());
    expect(metAfter(relayOnly, [state(40, 'failed'), at(1000, { type: 'pc-stats', pc: 'pc1', stats: stats({ localCandidateType: 'relay' }) })])).toEqual(new Set());
  });
});

describe('ice-candidate-error', () => {
  it('needs the error code asked for', () => {
    const unauthorized = goals({ check: { kind: 'ice-candidate-error', code: 401 } });
    const error = (code: number) => at(80, { type: 'pc-candidate-error', pc: 'pc1', url: 'turn:127.0.0.1:3478?transport=udp', errorCode: code, errorText: code === 401 ? 'Unauthorized' : 'STUN host lookup received error.' });
    expect(metAfter(unauthorized, [error(401)])).toEqual(new Set(['g0']));
    expect(metAfter(unauthorized, [error(701)])).toEqual(new Set());
  });
});

describe('codec', () => {
  it('compares the negotiated codec, ignoring case', () => {
    const vp9 = goals({ check: { kind: 'codec', media: 'video', direction: 'outbound', mimeType: 'video/VP9' } });
    const report = (mime: string) => at(1000, { type: 'pc-stats', pc: 'pc1', stats: stats({ codecs: { outboundVideo: mime, inboundVideo: null, outboundAudio: null, inboundAudio: null } }) });
    expect(metAfter(vp9, [report('video/vp9')])).toEqual(new Set(['g0']));
    expect(metAfter(vp9, [report('video/VP8')])).toEqual(new Set());
  });
});

describe('ice-restart', () => {
  const restart = goals({ check: { kind: 'ice-restart' } });
  const sdp = (ufrag: string) => `v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-ufrag:${ufrag}\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\n`;
  const description = (ms: number, side: 'local' | 'remote', ufrag: string) => at(ms, { type: 'pc-description', pc: 'pc1', side, sdpType: side === 'local' ? 'offer' : 'answer', sdp: sdp(ufrag) });
  const connectedStats = (ms: number) => at(ms, { type: 'pc-stats', pc: 'pc1', stats: stats({ localCandidateType: 'host', remoteCandidateType: 'host' }) });
  const first = [description(10, 'local', 'aaaa'), description(20, 'remote', 'bbbb'), state(60, 'connected'), connectedStats(1000)];

  it('is met when new credentials were negotiated and the pc is connected after it', () => {
    expect(metAfter(restart, [...first, at(1500, { type: 'pc-restart-ice', pc: 'pc1' }), description(1510, 'local', 'cccc'), description(1520, 'remote', 'dddd'), connectedStats(2000)])).toEqual(new Set(['g0']));
  });

  it('is not met when the restart was only asked for', () => {
    expect(metAfter(restart, [...first, at(1500, { type: 'pc-restart-ice', pc: 'pc1' }), connectedStats(2000)])).toEqual(new Set());
  });

  it('is not met when the connection failed after the restart', () => {
    expect(metAfter(restart, [...first, description(1510, 'local', 'cccc'), description(1520, 'remote', 'dddd'), state(1700, 'failed'), connectedStats(2000)])).toEqual(new Set());
  });
});

describe('relay-after-turn-restart', () => {
  const survived = goals({ check: { kind: 'relay-after-turn-restart' } });
  const end = (type: string, port: number) => ({ type, address: '127.0.0.1', port, protocol: 'udp' });
  const pairStats = (ms: number, localPort: number, remotePort: number, type = 'relay', pc = 'pc1') =>
    at(ms, { type: 'pc-stats', pc, stats: stats({ localCandidateType: type, remoteCandidateType: type, selectedPair: { local: end(type, localPort), remote: end(type, remotePort) } }) });
  const call = [state(60, 'connected'), pairStats(1000, 49160, 49170)];
  const restartedTurn = at(1500, { type: 'turn-restarted', ms: 1200 });

  it('is met when, after the TURN server restarted, the pc is connected on another relay ↔ relay pair', () => {
    expect(metAfter(survived, [...call, restartedTurn, state(6000, 'disconnected'), state(6500, 'connected'), pairStats(7000, 49180, 49190)])).toEqual(new Set(['g0']));
    // Or on a new connection made after it.
    expect(metAfter(survived, [...call, restartedTurn, state(6500, 'connected', 'pc3'), pairStats(7000, 49180, 49190, 'relay', 'pc3')])).toEqual(new Set(['g0']));
  });

  it('is not met by the old pair, whose stats still say connected until the browser notices', () => {
    expect(metAfter(survived, [...call, restartedTurn, pairStats(2000, 49160, 49170), pairStats(3000, 49160, 49170)])).toEqual(new Set());
  });

  it('is not met without the TURN server’s restart, nor by a new pair that is not relayed', () => {
    expect(metAfter(survived, [...call, pairStats(2000, 49180, 49190)])).toEqual(new Set());
    expect(metAfter(survived, [...call, restartedTurn, pairStats(7000, 50000, 50001, 'host')])).toEqual(new Set());
  });

  it('is not met while the connection is not connected', () => {
    expect(metAfter(survived, [...call, restartedTurn, state(6000, 'disconnected'), pairStats(7000, 49180, 49190)])).toEqual(new Set());
  });
});
