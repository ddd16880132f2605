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
  // TODO: 짝이 보낸 것을 처리하세요.
  // - description: offer인데 나도 offer를 만드는 중(makingOffer)이거나 'stable'이 아니면
  //   충돌입니다. 공손하지 않은 탭은 그 offer를 무시합니다(ignoreOffer = true).
  //   그렇지 않으면 setRemoteDescription()으로 적용하고, offer였다면 setLocalDescription() 뒤
  //   send({ description: pc.localDescription })로 answer를 돌려보냅니다.
  // - candidate: addIceCandidate()로 추가하되, ignoreOffer가 true인 동안의 실패는 무시합니다.
  void [ignoreOffer, makingOffer, settingRemoteAnswer, polite];
});

pc.addEventListener('connectionstatechange', () => log('connection:', pc.connectionState));
pc.addEventListener('datachannel', ({ channel }) => {
  channel.addEventListener('message', ({ data }) => log('received on the channel:', data));
});
// 채널을 만드는 것이 협상할 거리입니다. 두 탭이 각각 하나씩 만들므로 둘 다 offer를 보냅니다.
const chat = pc.createDataChannel(`from the ${role}`);
chat.addEventListener('open', () => chat.send(`hello from the ${role}`));
