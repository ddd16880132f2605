/**
 * `turnCredentials()` of the lab helper: fresh credentials for the site's local coturn from the
 * frame's own origin (/turn-credentials.json), as `iceServers` ready for an RTCPeerConnection;
 * and `restartTurnServer()`, which restarts that coturn (/turn-restart).
 */
import { readTurnAnswer, readTurnRestartAnswer, TURN_CREDENTIALS_PATH, TURN_RESTART_PATH } from '../lib/turn-response.ts';
import { DEFAULT_TURN_TRANSPORTS, isTurnTransport, pickUrls, type TurnTransport } from '../lib/turn-urls.ts';
import type { TurnUnavailableReason } from '../lib/turn-install.ts';

export interface TurnCredentialsOptions {
  readonly transports?: readonly TurnTransport[];
}

export interface TurnMessages {
  unavailable(reason: TurnUnavailableReason): string;
  limited(): string;
  badTransports(): string;
  malformed(): string;
}

export function createTurnCredentials(messages: TurnMessages, fetchJson: (path: string) => Promise<{ status: number; body: unknown }>) {
  return async (options: TurnCredentialsOptions = {}): Promise<RTCIceServer[]> => {
    const transports = options.transports ?? DEFAULT_TURN_TRANSPORTS;
    if (!Array.isArray(transports) || transports.length === 0 || !transports.every(isTurnTransport)) {
      throw new TypeError(messages.badTransports());
    }
    const { status, body } = await fetchJson(TURN_CREDENTIALS_PATH);
    const answer = readTurnAnswer(status, body);
    switch (answer.kind) {
      case 'unavailable':
        throw Object.assign(new Error(messages.unavailable(answer.reason)), { name: 'TurnUnavailableError' });
      case 'limited':
        throw new Error(messages.limited());
      case 'malformed':
        throw new Error(messages.malformed());
      case 'servers':
        return answer.iceServers.map((server) => ({
          urls: pickUrls(typeof server.urls === 'string' ? [server.urls] : server.urls, transports),
          ...(server.username !== undefined ? { username: server.username } : {}),
          ...(server.credential !== undefined ? { credential: server.credential } : {}),
        }));
    }
  };
}

export interface TurnRestartMessages {
  unavailable(reason: TurnUnavailableReason): string;
  notLocal(): string;
  tooSoon(): string;
  failed(): string;
}

/**
 * Resolves once the site's coturn has restarted and serves again, after telling the feed (the
 * goal about surviving it judges from there), with how long it was gone in milliseconds.
 */
export function createTurnRestart(messages: TurnRestartMessages, fetchJson: (path: string, method: 'POST') => Promise<{ status: number; body: unknown }>, restarted: (ms: number) => void) {
  return async (): Promise<number> => {
    const { status, body } = await fetchJson(TURN_RESTART_PATH, 'POST');
    const answer = readTurnRestartAnswer(status, body);
    if (answer.kind === 'restarted') {
      restarted(answer.ms);
      return answer.ms;
    }
    switch (answer.why) {
      case 'unavailable':
        throw Object.assign(new Error(messages.unavailable(answer.reason ?? 'failed')), { name: 'TurnUnavailableError' });
      case 'not-local':
        throw new Error(messages.notLocal());
      case 'too-soon':
        throw new Error(messages.tooSoon());
      case 'failed':
        throw new Error(messages.failed());
    }
  };
}

/** The frame's fetch: same origin, never cached (each answer is a new credential). */
export async function fetchFrameJson(path: string, method: 'GET' | 'POST' = 'GET'): Promise<{ status: number; body: unknown }> {
  const response = await fetch(path, { method, cache: 'no-store', credentials: 'omit' });
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: readTurnAnswer calls it malformed
  }
  return { status: response.status, body };
}
