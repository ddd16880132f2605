import { log } from 'lab';

const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();
pc1.addEventListener('icecandidate', ({ candidate }) => void pc2.addIceCandidate(candidate));
pc2.addEventListener('icecandidate', ({ candidate }) => void pc1.addIceCandidate(candidate));

const list = document.querySelector('#events')!;
function show(text: string): void {
  list.append(Object.assign(document.createElement('li'), { textContent: text }));
  log(text);
}

/** The ICE username fragment in a description: new credentials mean a new ICE session. */
function ufrag(description: RTCSessionDescription | null): string {
  return /^a=ice-ufrag:(\S+)/m.exec(description?.sdp ?? '')?.[1] ?? '(none)';
}

// Every offer pc1 needs goes through here: the first one (the channel below asks for it) and
// any later one. In one page the "signaling" is direct; across a network it would be messages.
pc1.addEventListener('negotiationneeded', async () => {
  await pc1.setLocalDescription();
  await pc2.setRemoteDescription(pc1.localDescription!);
  await pc2.setLocalDescription();
  await pc1.setRemoteDescription(pc2.localDescription!);
  show(`pc1 negotiated: local ufrag ${ufrag(pc1.localDescription)}, remote ufrag ${ufrag(pc1.remoteDescription)}`);
});
pc1.addEventListener('iceconnectionstatechange', () => show(`pc1 ICE state: ${pc1.iceConnectionState}`));

const channel = pc1.createDataChannel('chat');
pc2.addEventListener('datachannel', ({ channel: incoming }) => {
  incoming.addEventListener('message', ({ data }) => show(`pc2 received: ${data}`));
});
await new Promise((resolve) => channel.addEventListener('open', resolve, { once: true }));

// The ICE transport under the channel tells which candidate pair carries the traffic.
const ice = pc1.sctp!.transport.iceTransport;
function selectedPair(): string {
  const pair = ice.getSelectedCandidatePair();
  if (!pair) return '(none)';
  return `${pair.local.address}:${pair.local.port} ⇄ ${pair.remote.address}:${pair.remote.port}, ufrag ${pair.local.usernameFragment}`;
}
ice.addEventListener('selectedcandidatepairchange', () => show(`pc1 selected pair: ${selectedPair()}`));
show(`pc1 selected pair: ${selectedPair()}`);
channel.send('before the restart');

/** Resolves once ICE is connected on a pair whose local ufrag is no longer `old`. */
function connectedOnNewSession(old: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      const fresh = ice.getSelectedCandidatePair()?.local.usernameFragment !== old;
      const connected = pc1.iceConnectionState === 'connected' || pc1.iceConnectionState === 'completed';
      if (fresh && connected) resolve();
    };
    ice.addEventListener('selectedcandidatepairchange', check);
    pc1.addEventListener('iceconnectionstatechange', check);
  });
}

// restartIce() only marks the connection: pc1 fires 'negotiationneeded', and the offer made
// there carries a new ufrag and password. Both sides gather again and check the new pairs
// while the old pair keeps carrying traffic, so a healthy call does not even blink.
const oldUfrag = ufrag(pc1.localDescription);
const restarted = connectedOnNewSession(oldUfrag);
show(`pc1: restarting ICE (old ufrag ${oldUfrag})`);
pc1.restartIce();
await restarted;
channel.send('after the restart');
