/**
 * TURN for a deployment: several coturn servers sharing one `static-auth-secret`, listed
 * together. A credential minted here is valid on every one of them (TURN REST: each recomputes
 * the password from the same secret), so a browser given all their URLs may use whichever answers.
 * The secret is read from a file (TURN_SECRET_FILE), never from the environment or a command line.
 */
import { readFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mintTurnCredential } from '../lib/turn-credentials.ts';
import type { CredentialSource } from './coturn.ts';

export interface SharedTurnOptions {
  readonly secretFile: string;
  readonly urls: readonly string[];
  readonly ttlSeconds: number;
  readonly warn?: (line: string) => void;
}

/** coturn takes any string; a short one is guessable, and then anyone can mint credentials. */
const MIN_SECRET_LENGTH = 16;

export function sharedTurn({ secretFile, urls, ttlSeconds, warn = console.warn }: SharedTurnOptions): CredentialSource {
  const secret = readFileSync(secretFile, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`${secretFile}: the TURN secret must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`);
  if ((statSync(secretFile).mode & 0o077) !== 0) warn(`${secretFile} can be read by other users: chmod 600 it; whoever reads it can mint TURN credentials`);
  return {
    running: true,
    turn: {
      urls,
      mint: (nowMs = Date.now()) => mintTurnCredential({ secret, user: `lab-${randomBytes(4).toString('hex')}`, ttlSeconds, nowMs }),
      // Each server's health is its own; the browser tries every URL it is given.
      alive: () => true,
    },
  };
}
