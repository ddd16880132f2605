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

/** 세션 설명 안의 ICE username fragment(ufrag). 자격 증명이 새로 바뀌면 ICE 세션도 새것입니다. */
function ufrag(description: RTCSessionDescription | null): string {
  return /^a=ice-ufrag:(\S+)/m.exec(description?.sdp ?? '')?.[1] ?? '(none)';
}

// pc1이 필요로 하는 모든 offer가 여기를 지나갑니다. 첫 offer(아래의 채널이 요청합니다)도, 그 뒤의 offer도요.
// 한 페이지 안에서는 "시그널링"을 직접 건네지만, 네트워크 너머라면 메시지로 오갈 것입니다.
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

// 어느 후보 쌍이 트래픽을 나르는지는 getStats()가 알려 줍니다. Chromium은 'transport' 항목의
// selectedCandidatePairId로 알려 주고, transport 항목이 없는 Firefox는 그 쌍에 `selected`를 표시합니다.
// (RTCIceTransport.getSelectedCandidatePair()도 같은 것을 알려 주지만 Firefox에는 없습니다.)
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

// TODO 1: pc1.restartIce()로 ICE를 재시작하십시오. 당장 바뀌는 것은 없습니다. pc1이
//         'negotiationneeded'를 발생시키고, 거기서 만든 offer가 새 ICE 자격 증명을 싣고 갑니다.
// TODO 2: 새 세션의 후보 쌍이 선택되고(selectedPair()가 재시작 전과 다른 id를 돌려줌: 자격 증명이
//         바뀌면 후보도 새로 생깁니다) ICE가 연결될 때까지 기다린 뒤, 같은 채널로 'after the restart'를
//         보내십시오. 미디어와 마찬가지로 채널도 재시작을 견딥니다.
