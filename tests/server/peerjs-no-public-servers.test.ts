/** The transform that empties PeerJS's default ICE servers, on the PeerJS this project installs. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutPublicServers } from '../../src/build/peerjs-no-public-servers.ts';

const require = createRequire(import.meta.url);
const bundle = path.join(path.dirname(require.resolve('peerjs/package.json')), 'dist/bundler.mjs');

describe('PeerJS without public servers', () => {
  it('leaves the installed bundle no public STUN or TURN server, and nothing else changed', () => {
    const original = readFileSync(bundle, 'utf8');
    expect(original).toContain('stun:stun.l.google.com:19302');
    const changed = withoutPublicServers(original, bundle);
    expect(changed).not.toMatch(/stun\.l\.google\.com|turn\.peerjs\.com/);
    expect(changed).toMatch(/DEFAULT_CONFIG = \{\s*iceServers: \[\],\s*sdpSemantics: "unified-plan"\s*\};/);
    expect(original.length - changed.length).toBeLessThan(400);
  });

  it('fails loudly when the default is no longer where it was', () => {
    expect(() => withoutPublicServers('export const nothing = 1;', 'peerjs.mjs')).toThrow(/not where peerjs-no-public-servers\.ts looks/);
  });
});
