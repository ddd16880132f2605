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

// TODO 1: restart ICE with pc1.restartIce(). Nothing changes at once: pc1 fires
//         'negotiationneeded', and the offer made there carries fresh ICE credentials.
// TODO 2: wait until a pair of the NEW session is selected (selectedPair() returns another id
//         than before the restart: new credentials, new candidates) and ICE is connected, then
//         send 'after the restart' on the same channel: the channel, like any media, survives.
