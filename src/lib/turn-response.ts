/**
 * What `/turn-credentials.json` answers, and how the lab frame reads it: ready ICE servers for
 * the local coturn, or why there are none. Shared by the server and the frame, so both agree.
 */
import type { IceServer } from './ice-servers.ts';
import { isTurnUnavailableReason, type TurnUnavailableReason } from './turn-install.ts';

export const TURN_CREDENTIALS_PATH = '/turn-credentials.json';

export interface TurnCredentialsBody {
  readonly iceServers: readonly IceServer[];
  /** Seconds the credential is valid for. */
  readonly ttl: number;
}

export interface TurnUnavailableBody {
  readonly unavailable: { readonly reason: TurnUnavailableReason; readonly install: { readonly en: string; readonly ko: string } };
}

export type TurnAnswer =
  | { readonly kind: 'servers'; readonly iceServers: IceServer[]; readonly ttl: number }
  | { readonly kind: 'unavailable'; readonly reason: TurnUnavailableReason }
  | { readonly kind: 'limited' }
  | { readonly kind: 'malformed' };

/** Reads an answer (HTTP status and parsed JSON) without trusting its shape. */
export function readTurnAnswer(status: number, body: unknown): TurnAnswer {
  if (status === 429) return { kind: 'limited' };
  if (typeof body !== 'object' || body === null) return { kind: 'malformed' };
  const record = body as Record<string, unknown>;
  const unavailable = record['unavailable'];
  if (typeof unavailable === 'object' && unavailable !== null) {
    const reason = (unavailable as Record<string, unknown>)['reason'];
    return isTurnUnavailableReason(reason) ? { kind: 'unavailable', reason } : { kind: 'malformed' };
  }
  const servers = record['iceServers'];
  const ttl = record['ttl'];
  if (status !== 200 || !Array.isArray(servers) || typeof ttl !== 'number') return { kind: 'malformed' };
  const iceServers: IceServer[] = [];
  for (const server of servers as unknown[]) {
    if (typeof server !== 'object' || server === null) return { kind: 'malformed' };
    const { urls, username, credential } = server as Record<string, unknown>;
    if (!Array.isArray(urls) || !urls.every((url) => typeof url === 'string') || typeof username !== 'string' || typeof credential !== 'string') {
      return { kind: 'malformed' };
    }
    iceServers.push({ urls: urls as string[], username, credential });
  }
  return { kind: 'servers', iceServers, ttl };
}

/**
 * `POST /turn-restart`: restarts the site's own coturn (its allocations end; credentials stay
 * valid), so a lab can show a relayed call surviving it. Only for a learner's own machine.
 */
export const TURN_RESTART_PATH = '/turn-restart';

/** Why a restart was not done: not from this machine or the site's pages, none running, too soon, or it did not come back. */
export type TurnRestartRefusal = 'not-local' | 'unavailable' | 'too-soon' | 'failed';

export type TurnRestartAnswer = { readonly kind: 'restarted'; readonly ms: number } | { readonly kind: 'refused'; readonly why: TurnRestartRefusal; readonly reason?: TurnUnavailableReason };

export interface TurnRestartBody {
  readonly restarted: boolean;
  /** How long coturn took to stop and serve again. */
  readonly ms?: number;
  readonly refused?: TurnRestartRefusal;
  readonly reason?: TurnUnavailableReason;
}

/** Reads the restart endpoint's answer without trusting its shape. */
export function readTurnRestartAnswer(status: number, body: unknown): TurnRestartAnswer {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (status === 200 && record['restarted'] === true && typeof record['ms'] === 'number') return { kind: 'restarted', ms: record['ms'] };
  if (status === 429) return { kind: 'refused', why: 'too-soon' };
  if (status === 403) return { kind: 'refused', why: 'not-local' };
  if (status === 503) {
    const reason = record['reason'];
    return { kind: 'refused', why: 'unavailable', reason: isTurnUnavailableReason(reason) ? reason : 'failed' };
  }
  return { kind: 'refused', why: 'failed' };
}
