/**
 * `turnCredentials()` of the lab helper: fresh credentials for the site's local coturn from the
 * frame's own origin (/turn-credentials.json), as `iceServers` ready for an RTCPeerConnection.
 */
import { readTurnAnswer, TURN_CREDENTIALS_PATH } from '../lib/turn-response.ts';
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

/** The frame's fetch: same origin, never cached (each answer is a new credential). */
export async function fetchFrameJson(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(path, { cache: 'no-store', credentials: 'omit' });
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: readTurnAnswer calls it malformed
  }
  return { status: response.status, body };
}
