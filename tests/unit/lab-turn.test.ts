import { describe, expect, it } from 'vitest';
import { createTurnCredentials } from '../../src/sandbox/lab-turn.ts';
import { readTurnAnswer } from '../../src/lib/turn-response.ts';

const URLS = ['turn:127.0.0.1:3478?transport=udp', 'turn:127.0.0.1:3478?transport=tcp', 'turns:127.0.0.1:5349?transport=tcp'];
const SERVERS = { iceServers: [{ urls: URLS, username: '1:lab-x', credential: 'c' }], ttl: 600 };
const MESSAGES = {
  unavailable: (reason: string) => `unavailable ${reason}`,
  limited: () => 'limited',
  badTransports: () => 'transports',
  malformed: () => 'malformed',
};
const answering = (status: number, body: unknown) => createTurnCredentials(MESSAGES, async () => ({ status, body }));

describe('turnCredentials() in the lab frame', () => {
  it('returns the servers, UDP and TCP by default (TLS only when asked) or those asked for', async () => {
    expect(await answering(200, SERVERS)()).toEqual([{ urls: URLS.slice(0, 2), username: '1:lab-x', credential: 'c' }]);
    expect((await answering(200, SERVERS)({ transports: ['udp', 'tcp', 'tls'] }))[0]?.urls).toEqual(URLS);
    expect((await answering(200, SERVERS)({ transports: ['tls', 'udp'] }))[0]?.urls).toEqual([URLS[0], URLS[2]]);
  });

  it('rejects, saying why, when there is no coturn, when limited, on a bad answer or bad transports', async () => {
    await expect(answering(503, { unavailable: { reason: 'not-installed', install: { en: '', ko: '' } } })()).rejects.toMatchObject({
      name: 'TurnUnavailableError',
      message: 'unavailable not-installed',
    });
    await expect(answering(429, { error: 'x' })()).rejects.toThrow('limited');
    await expect(answering(200, { iceServers: [{ urls: 'x' }], ttl: 1 })()).rejects.toThrow('malformed');
    await expect(answering(500, null)()).rejects.toThrow('malformed');
    // @ts-expect-error -- lab code is TypeScript checked only in the editor; the frame must still refuse
    await expect(answering(200, SERVERS)({ transports: ['quic'] })).rejects.toThrow('transports');
    await expect(answering(200, SERVERS)({ transports: [] })).rejects.toThrow('transports');
  });

  it('reads an unknown unavailable reason as malformed', () => {
    expect(readTurnAnswer(503, { unavailable: { reason: 'sleepy' } })).toEqual({ kind: 'malformed' });
  });
});
