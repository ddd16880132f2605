import { describe, expect, it } from 'vitest';
import { createTurnCredentials, createTurnRestart } from '../../src/sandbox/lab-turn.ts';
import { readTurnAnswer, TURN_RESTART_PATH } from '../../src/lib/turn-response.ts';

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

describe('restartTurnServer() in the lab frame', () => {
  const RESTART_MESSAGES = { unavailable: (reason: string) => `unavailable ${reason}`, notLocal: () => 'not local', tooSoon: () => 'too soon', failed: () => 'failed' };
  const restarting = (status: number, body: unknown) => {
    const told: number[] = [];
    const asked: string[] = [];
    const restart = createTurnRestart(
      RESTART_MESSAGES,
      async (path, method) => {
        asked.push(`${method} ${path}`);
        return { status, body };
      },
      (ms) => told.push(ms),
    );
    return { restart, told, asked };
  };

  it('POSTs to the site, tells the feed, and resolves with how long coturn was gone', async () => {
    const { restart, told, asked } = restarting(200, { restarted: true, ms: 1234 });
    expect(await restart()).toBe(1234);
    expect(asked).toEqual([`POST ${TURN_RESTART_PATH}`]);
    expect(told).toEqual([1234]);
  });

  it('rejects, saying why, and tells the feed nothing, when it was not restarted', async () => {
    const cases: Array<[number, unknown, string]> = [
      [403, { restarted: false, refused: 'not-local' }, 'not local'],
      [429, { restarted: false, refused: 'too-soon' }, 'too soon'],
      [503, { restarted: false, refused: 'unavailable', reason: 'disabled' }, 'unavailable disabled'],
      [500, { restarted: false, refused: 'failed' }, 'failed'],
      [200, 'not json', 'failed'],
    ];
    for (const [status, body, message] of cases) {
      const { restart, told } = restarting(status, body);
      await expect(restart(), message).rejects.toThrow(message);
      expect(told).toEqual([]);
    }
    await expect(restarting(503, { refused: 'unavailable', reason: 'disabled' }).restart()).rejects.toMatchObject({ name: 'TurnUnavailableError' });
  });
});
