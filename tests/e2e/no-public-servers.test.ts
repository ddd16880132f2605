/**
 * No script the site or the lab origin serves names a public STUN or TURN server: not PeerJS's
 * defaults (src/build/peerjs-no-public-servers.ts empties them), not a fallback of our own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/build-state.ts';
import { labRootOf } from '../../src/build/lab-root.ts';

const PUBLIC_SERVERS = /stun\.l\.google\.com|turn\.peerjs\.com|stun\.services\.mozilla\.com|global\.stun\.twilio\.com/;

function scripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.m?js$/.test(file))
    .map((file) => path.join(dir, file));
}

describe('the built site and lab origin', () => {
  it('serve no script naming a public STUN or TURN server', () => {
    const files = [...scripts(DIST), ...scripts(labRootOf(DIST))];
    expect(files.some((file) => file.includes('bundler'))).toBe(true); // PeerJS is among them
    expect(files.filter((file) => PUBLIC_SERVERS.test(readFileSync(file, 'utf8'))).map((file) => path.relative(DIST, file))).toEqual([]);
  });
});
