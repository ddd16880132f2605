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

// 채널 아래의 ICE 전송(RTCIceTransport)은 어느 후보 쌍이 트래픽을 나르는지 알려 줍니다.
const ice = pc1.sctp!.transport.iceTransport;
function selectedPair(): string {
  const pair = ice.getSelectedCandidatePair();
  if (!pair) return '(none)';
  return `${pair.local.address}:${pair.local.port} ⇄ ${pair.remote.address}:${pair.remote.port}, ufrag ${pair.local.usernameFragment}`;
}
ice.addEventListener('selectedcandidatepairchange', () => show(`pc1 selected pair: ${selectedPair()}`));
show(`pc1 selected pair: ${selectedPair()}`);
channel.send('before the restart');

/** 로컬 ufrag가 더 이상 `old`가 아닌 후보 쌍으로 ICE가 연결되면 이행됩니다. */
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

// restartIce()는 연결에 표시만 해 둡니다. pc1이 'negotiationneeded'를 발생시키고, 거기서 만든 offer가
// 새 ufrag와 비밀번호를 싣고 갑니다. 양쪽이 후보를 다시 모아 새 쌍을 검사하는 동안에도 옛 쌍이
// 계속 트래픽을 나르므로, 멀쩡한 통화라면 끊김 하나 없이 넘어갑니다.
const oldUfrag = ufrag(pc1.localDescription);
const restarted = connectedOnNewSession(oldUfrag);
show(`pc1: restarting ICE (old ufrag ${oldUfrag})`);
pc1.restartIce();
await restarted;
channel.send('after the restart');
