import { log } from 'lab';

const alice = new RTCPeerConnection();
const bob = new RTCPeerConnection();
alice.addEventListener('icecandidate', ({ candidate }) => void bob.addIceCandidate(candidate));
bob.addEventListener('icecandidate', ({ candidate }) => void alice.addIceCandidate(candidate));

const list = document.querySelector('#messages')!;
function show(text: string): void {
  list.append(Object.assign(document.createElement('li'), { textContent: text }));
  log(text);
}

function describe(channel: RTCDataChannel): string {
  return `"${channel.label}": ordered ${channel.ordered}, maxRetransmits ${channel.maxRetransmits}, negotiated ${channel.negotiated}, id ${channel.id}`;
}

// 늦게 온 위치는 잃어버린 위치보다 나쁩니다. 순서와 상관없이 전달하고, 재전송하지 않습니다.
// maxRetransmits와 maxPacketLifeTime은 둘 중 하나만 쓸 수 있고, 둘 다 주면 TypeError가 납니다.
const positions = alice.createDataChannel('positions', { ordered: false, maxRetransmits: 0 });
positions.addEventListener('open', () => {
  show(`alice: open ${describe(positions)}`);
  for (let x = 0; x < 5; x += 1) positions.send(JSON.stringify({ x: x * 10, y: 50 }));
});

bob.addEventListener('datachannel', ({ channel }) => {
  show(`bob: received ${describe(channel)}`);
  channel.addEventListener('message', ({ data }) => show(`bob got a position: ${data}`));
});

// negotiated 채널은 대역 내 알림을 건너뜁니다. 양쪽이 같은 id로 채널을 직접 만들므로,
// 연결이 서는 즉시 'datachannel' 이벤트 없이 열립니다.
const controlAlice = alice.createDataChannel('control', { negotiated: true, id: 5 });
const controlBob = bob.createDataChannel('control', { negotiated: true, id: 5 });
controlAlice.addEventListener('open', () => {
  show(`alice: open ${describe(controlAlice)}`);
  controlAlice.send('start');
});
controlBob.addEventListener('message', ({ data }) => show(`bob got a command on "control": ${data}`));

await alice.setLocalDescription();
await bob.setRemoteDescription(alice.localDescription!);
await bob.setLocalDescription();
await alice.setRemoteDescription(bob.localDescription!);
