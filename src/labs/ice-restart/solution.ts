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

// getStats() tells which candidate pair carries the traffic: Chromium names it on the
// 'transport' entry (selectedCandidatePairId), Firefox, which has no transport entry, marks the
// pair itself `selected`. (RTCIceTransport.getSelectedCandidatePair() says the same, but
// Firefox does not have it.)
async function selectedPair(): Promise<{ id: string; text: string } | null> {
  const stats = await pc1.getStats();
  let pairId: string | undefined;
  stats.forEach((stat) => {
    if (stat.type === 'transport' && stat.selectedCandidatePairId) pairId = stat.selectedCandidatePairId;
  });
  let pair: RTCIceCandidatePairStats | undefined;
  stats.forEach((stat) => {
    if (stat.type === 'candidate-pair' && (stat.id === pairId || (pairId === undefined && stat.selected))) pair = stat;
  });
  if (!pair) return null;
  const local = stats.get(pair.localCandidateId);
  const remote = stats.get(pair.remoteCandidateId);
  return { id: pair.id, text: `${local?.address}:${local?.port} ⇄ ${remote?.address}:${remote?.port}` };
}
show(`pc1 selected pair: ${(await selectedPair())?.text ?? '(none)'}`);
channel.send('before the restart');

/**
 * Resolves once ICE is connected on a pair of the new session. New credentials mean new
 * candidates, so the pair has a new stats id. No event says so in every browser: ask getStats().
 */
async function connectedOnNewSession(oldPair: string | undefined): Promise<void> {
  for (;;) {
    const pair = await selectedPair();
    const connected = pc1.iceConnectionState === 'connected' || pc1.iceConnectionState === 'completed';
    if (pair && pair.id !== oldPair && connected) {
      show(`pc1 selected pair: ${pair.text}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// restartIce() only marks the connection: pc1 fires 'negotiationneeded', and the offer made
// there carries a new ufrag and password. Both sides gather again and check the new pairs
// while the old pair keeps carrying traffic, so a healthy call does not even blink.
const oldUfrag = ufrag(pc1.localDescription);
const restarted = connectedOnNewSession((await selectedPair())?.id);
show(`pc1: restarting ICE (old ufrag ${oldUfrag})`);
pc1.restartIce();
await restarted;
channel.send('after the restart');
