/**
 * PeerJS 1.5 ships a default ICE configuration naming Google's public STUN server and PeerJS's
 * public TURN servers. Its support check builds an RTCPeerConnection with that configuration as
 * the module loads, and every Peer made without `config` would gather through those servers.
 * This site configures no public server, not even as a default, so the copy of PeerJS the lab
 * frame loads gets an empty default: a learner's Peer without `config` uses the host's own
 * addresses only, as one with `config: { iceServers: [] }` does.
 *
 * A transform, applied to the build and to the dev server's pre-bundling alike. It fails the
 * build when the default is no longer where it was (a PeerJS upgrade), rather than let it through.
 */
import type { Plugin } from 'vite';

const PEERJS_BUNDLE = /[\\/]node_modules[\\/]peerjs[\\/]dist[\\/][^\\/]+\.m?js$/;
/** The declaration of the default, whatever the bundler named it. */
const DEFAULT_CONFIG = /(const \$[\w$]+\$var\$DEFAULT_CONFIG = )\{[\s\S]*?sdpSemantics: "unified-plan"\s*\};/;
const EMPTY_DEFAULT = '{\n    iceServers: [],\n    sdpSemantics: "unified-plan"\n};';

export function withoutPublicServers(code: string, id: string): string {
  if (!DEFAULT_CONFIG.test(code)) throw new Error(`${id}: PeerJS's default ICE configuration is not where peerjs-no-public-servers.ts looks for it; check the new version and update the pattern`);
  return code.replace(DEFAULT_CONFIG, (_, head: string) => head + EMPTY_DEFAULT);
}

export function peerjsNoPublicServers(): Plugin {
  return {
    name: 'webrtc-lab:peerjs-no-public-servers',
    transform(code, id) {
      // Only the bundle that declares the default (the source maps and types do not).
      if (!PEERJS_BUNDLE.test(id) || !code.includes('DEFAULT_CONFIG')) return null;
      return { code: withoutPublicServers(code, id), map: null };
    },
  };
}
