/**
 * `/turn-credentials.json`: a fresh, short-lived TURN credential for the local coturn (or a
 * deployment's servers sharing one secret, shared-turn.ts), or why
 * there is none (503). Rate-limited per client address: each answer is a working relay for
 * TURN_TTL seconds, and a page has no reason to ask more than once per run.
 */
import type { NextFunction, Request, Response } from 'express';
import { createTokenBucket, type TokenBucket, type TokenBucketOptions } from '../lib/token-bucket.ts';
import { turnInstallHint } from '../lib/turn-install.ts';
import { TURN_CREDENTIALS_PATH, type TurnCredentialsBody, type TurnUnavailableBody } from '../lib/turn-response.ts';
import { clientAddress } from './broker.ts';
import type { CredentialSource } from './coturn.ts';

/** A burst covers a lesson with several TURN labs run a few times; then one every 2 s. */
export const TURN_RATE: TokenBucketOptions = { capacity: 20, refillPerSecond: 0.5 };
/** Addresses remembered at once; beyond it, full (idle) buckets are forgotten first. */
const MAX_ADDRESSES = 4096;

export interface TurnRouteOptions {
  readonly status: () => CredentialSource;
  readonly trustProxy: boolean;
  readonly rate?: TokenBucketOptions;
  readonly now?: () => number;
}

export function turnCredentialsRoute({ status, trustProxy, rate = TURN_RATE, now = Date.now }: TurnRouteOptions) {
  const buckets = new Map<string, TokenBucket>();
  const bucketFor = (address: string, nowMs: number): TokenBucket => {
    let bucket = buckets.get(address);
    if (!bucket) {
      if (buckets.size >= MAX_ADDRESSES) {
        for (const [key, each] of buckets) if (each.available(nowMs) >= rate.capacity) buckets.delete(key);
        // Every address is busy: a flood from many addresses; start over rather than grow.
        if (buckets.size >= MAX_ADDRESSES) buckets.clear();
      }
      bucket = createTokenBucket(rate, nowMs);
      buckets.set(address, bucket);
    }
    return bucket;
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path !== TURN_CREDENTIALS_PATH) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.status(405).setHeader('Allow', 'GET, HEAD').json({ error: 'GET only' });
      return;
    }
    const nowMs = now();
    if (!bucketFor(clientAddress(req, trustProxy), nowMs).take(nowMs)) {
      res.status(429).setHeader('Retry-After', String(Math.ceil(1 / Math.max(rate.refillPerSecond, 0.01)))).json({ error: 'too many TURN credential requests' });
      return;
    }
    const current = status();
    if (!current.running || !current.turn.alive()) {
      const reason = current.running ? 'failed' : current.reason;
      const body: TurnUnavailableBody = { unavailable: { reason, install: { en: turnInstallHint('en'), ko: turnInstallHint('ko') } } };
      res.status(503).json(body);
      return;
    }
    const credential = current.turn.mint(nowMs);
    const body: TurnCredentialsBody = {
      iceServers: [{ urls: [...current.turn.urls], username: credential.username, credential: credential.credential }],
      ttl: credential.ttl,
    };
    res.json(body);
  };
}
