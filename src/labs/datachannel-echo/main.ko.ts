import { log } from 'lab';

// 한 페이지 안의 두 피어 연결: 시그널링은 한쪽 객체를 다른 쪽에 건네주는 것이 전부입니다.
const alice = new RTCPeerConnection();
const bob = new RTCPeerConnection();
alice.addEventListener('icecandidate', ({ candidate }) => void bob.addIceCandidate(candidate));
bob.addEventListener('icecandidate', ({ candidate }) => void alice.addIceCandidate(candidate));

const list = document.querySelector('#messages')!;
function show(who: string, data: string | ArrayBuffer): void {
  const what = typeof data === 'string' ? `text "${data}"` : `${data.byteLength} bytes [${new Uint8Array(data).join(', ')}]`;
  list.append(Object.assign(document.createElement('li'), { textContent: `${who}: ${what}` }));
  log(`${who}:`, data);
}

// alice의 채널은 offer보다 먼저 만들어야 offer에 포함됩니다.
const channel = alice.createDataChannel('echo');
// 바이너리 메시지를 ArrayBuffer로 받습니다(다른 선택지인 'blob'은 비동기로 읽어야 합니다).
channel.binaryType = 'arraybuffer';
channel.addEventListener('open', () => {
  channel.send('hello, echo');
  channel.send(new Uint8Array([0, 1, 2, 127, 128, 255]));
});
channel.addEventListener('message', ({ data }) => show('alice got back', data));

bob.addEventListener('datachannel', ({ channel: incoming }) => {
  incoming.binaryType = 'arraybuffer';
  incoming.addEventListener('message', ({ data }) => {
    show('bob received', data);
    // TODO: 받은 메시지를 같은 채널로, 바꾸지 말고 그대로 alice에게 돌려보내십시오.
    //       incoming.send(data)는 문자열도 ArrayBuffer도 그대로 받습니다.
  });
});

await alice.setLocalDescription();
await bob.setRemoteDescription(alice.localDescription!);
await bob.setLocalDescription();
await alice.setRemoteDescription(bob.localDescription!);

// TODO: 실행해 보십시오. 두 메시지 모두 bob에게 도착하지만 alice에게 돌아오는 것은 아직 없습니다.
//       두 목표를 채우려면 메시지마다 왕복해야 합니다.
