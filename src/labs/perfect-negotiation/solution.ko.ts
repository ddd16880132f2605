import { log, room } from 'lab';

const { role, signal } = await room();
// 둘이 동시에 offer를 보내면 한쪽이 양보해야 합니다. 여기서는 guest가 공손하고, host는 그렇지 않습니다.
const polite = role === 'guest';
log(`this tab is the ${role}: ${polite ? 'polite' : 'impolite'}`);

const list = document.querySelector('#messages')!;
function show(direction: 'sent' | 'received', message: { description?: RTCSessionDescriptionInit | null; candidate?: RTCIceCandidateInit | null }): void {
  const what = message.description ? message.description.type : message.candidate ? 'candidate' : 'end of candidates';
  list.append(Object.assign(document.createElement('li'), { textContent: `${direction}: ${what}` }));
}
function send(message: { description?: RTCSessionDescriptionInit | null; candidate?: RTCIceCandidateInit | null }): void {
  show('sent', message);
  signal.send(message);
}

const pc = new RTCPeerConnection();
let makingOffer = false;
let ignoreOffer = false;
let settingRemoteAnswer = false;

// 협상할 것이 생길 때마다 offer를 보냅니다. 두 탭 모두 시작하자마자 이렇게 합니다.
pc.addEventListener('negotiationneeded', async () => {
  try {
    makingOffer = true;
    await pc.setLocalDescription();
    send({ description: pc.localDescription });
  } finally {
    makingOffer = false;
  }
});
pc.addEventListener('icecandidate', ({ candidate }) => send({ candidate }));

signal.addEventListener('message', async ({ data }) => {
  const message = data as { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit | null };
  show('received', message);
  if (message.description) {
    // 내 offer를 만드는 중이거나 stable이 아닐 때 도착한 offer는 충돌(glare)입니다.
    // answer를 적용하는 동안 잠시 stable이 아닌 것은 offer를 거절할 이유가 아닙니다.
    const readyForOffer = !makingOffer && (pc.signalingState === 'stable' || settingRemoteAnswer);
    const collision = message.description.type === 'offer' && !readyForOffer;
    ignoreOffer = !polite && collision;
    if (ignoreOffer) {
      log('glare: the impolite tab ignores the other offer');
      return;
    }
    if (collision) log('glare: the polite tab rolls its own offer back and takes the other');
    // 공손한 탭에서는 setRemoteDescription(offer)가 먼저 자기 offer를 되돌립니다(rollback).
    settingRemoteAnswer = message.description.type === 'answer';
    await pc.setRemoteDescription(message.description);
    settingRemoteAnswer = false;
    if (message.description.type === 'offer') {
      await pc.setLocalDescription();
      send({ description: pc.localDescription });
    }
  } else if (message.candidate !== undefined) {
    // 도착했을 때 무시하던 중이었는지: 실패는 나중에 오는데, 그사이 answer가 플래그를 되돌렸을 수 있습니다.
    const ignoring = ignoreOffer;
    try {
      await pc.addIceCandidate(message.candidate ?? undefined);
    } catch (error) {
      // 무시한 offer에 딸린 후보는 실패합니다. 예상한 일입니다.
      if (!ignoring) throw error;
    }
  }
});

pc.addEventListener('connectionstatechange', () => log('connection:', pc.connectionState));
pc.addEventListener('datachannel', ({ channel }) => {
  channel.addEventListener('message', ({ data }) => log('received on the channel:', data));
});
// 채널을 만드는 것이 협상할 거리입니다. 두 탭이 각각 하나씩 만들므로 둘 다 offer를 보냅니다.
const chat = pc.createDataChannel(`from the ${role}`);
chat.addEventListener('open', () => chat.send(`hello from the ${role}`));
