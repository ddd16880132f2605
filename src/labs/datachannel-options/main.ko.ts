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

// 움직이는 포인터의 위치: 가장 최근 값만 의미가 있습니다.
// TODO 1: 두 번째 인자로 옵션을 넘겨, 이 채널이 메시지를 도착하는 대로 전달하고
//         (ordered: false) 잃어버린 메시지는 다시 보내지 않게(maxRetransmits: 0) 하십시오.
const positions = alice.createDataChannel('positions');
positions.addEventListener('open', () => {
  show(`alice: open ${describe(positions)}`);
  for (let x = 0; x < 5; x += 1) positions.send(JSON.stringify({ x: x * 10, y: 50 }));
});

// 상대편은 대역 내(in-band)에서 알려 준 채널을 'datachannel' 이벤트로 알게 됩니다.
bob.addEventListener('datachannel', ({ channel }) => {
  show(`bob: received ${describe(channel)}`);
  channel.addEventListener('message', ({ data }) => show(`bob got a position: ${data}`));
});

// TODO 2: 알려 주는 대신 미리 합의해 두는 두 번째 채널 "control"을 만드십시오.
//         createDataChannel('control', { negotiated: true, id: 5 })를 alice와 bob 양쪽에서 호출합니다.
//         이 채널에는 'datachannel' 이벤트가 발생하지 않습니다. alice 쪽 끝이 열리면 'start'를
//         보내고, bob 쪽 끝이 받은 내용을 화면에 보여 주십시오.

await alice.setLocalDescription();
await bob.setRemoteDescription(alice.localDescription!);
await bob.setLocalDescription();
await alice.setRemoteDescription(bob.localDescription!);

// TODO: 실행한 뒤, TODO 1을 하기 전과 후에 bob이 "positions"에 대해 보고하는 값을 비교해 보십시오.
//       옵션은 채널과 함께 전달되므로 bob 쪽 끝도 같은 옵션을 가집니다.
