/**
 * `POST /turn-restart` (see src/lib/turn-response.ts): restarts the local coturn, for the lab in
 * which a relayed call must survive it. Restarting ends every relay on the server, so it is
 * for a learner's own machine only: a request from loopback, not through a proxy, sent by the
 * site's or the lab frame's own pages (the Origin header; a form on another site cannot), and
 * at most one restart every few seconds.
 */
import type { NextFunction, Request, Response } from 'express';
import { normalizeAddress } from '../lib/address-prefix.ts';
import type { SiteOrigins } from '../lib/site-origins.ts';
import { TURN_RESTART_PATH, type TurnRestartBody } from '../lib/turn-response.ts';
import type { TurnStatus } from './coturn.ts';

/** Between two restarts: a lab needs one per run, a loop calling it must not keep coturn down. */
export const TURN_RESTART_GAP_MS = 5000;

export interface TurnRestartOptions {
  readonly status: () => TurnStatus;
  readonly origins: () => SiteOrigins;
  readonly trustProxy: boolean;
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

function isLoopback(address: string): boolean {
  return address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);
}

export function turnRestartRoute({ status, origins, trustProxy, log = () => {}, now = Date.now }: TurnRestartOptions) {
  let lastAt = -Infinity;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.path !== TURN_RESTART_PATH) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    const answer = (code: number, body: TurnRestartBody): void => void res.status(code).json(body);
    if (req.method !== 'POST') {
      res.status(405).setHeader('Allow', 'POST').json({ error: 'POST only' });
      return;
    }
    const { site, lab } = origins();
    const origin = req.headers.origin;
    // Behind a proxy every request looks local; a deployment has no business restarting its TURN server from a page.
    if (trustProxy || !isLoopback(normalizeAddress(req.socket.remoteAddress)) || (origin !== site && origin !== lab)) {
      answer(403, { restarted: false, refused: 'not-local' });
      return;
    }
    const current = status();
    if (!current.running) {
      answer(503, { restarted: false, refused: 'unavailable', reason: current.reason });
      return;
    }
    const startedAt = now();
    if (startedAt - lastAt < TURN_RESTART_GAP_MS) {
      res.setHeader('Retry-After', String(Math.ceil((TURN_RESTART_GAP_MS - (startedAt - lastAt)) / 1000)));
      answer(429, { restarted: false, refused: 'too-soon' });
      return;
    }
    lastAt = startedAt;
    const back = await current.turn.restart();
    const ms = Math.round(now() - startedAt);
    log(back ? `coturn restarted from a lab (${ms} ms)` : `coturn did not come back after a restart from a lab: ${current.turn.logTail().slice(-5).join(' | ')}`);
    if (back) answer(200, { restarted: true, ms });
    else answer(500, { restarted: false, refused: 'failed' });
  };
}
