import { log } from 'lab';

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

const channel = alice.createDataChannel('echo');
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
    // 채널은 양방향입니다. 채널을 받은 쪽도 그 채널로 보낼 수 있습니다. 도착한 것을
    // 그대로 send()에 넘기므로 텍스트는 텍스트로, 바이너리는 바이너리로 돌아갑니다.
    incoming.send(data);
  });
});

await alice.setLocalDescription();
await bob.setRemoteDescription(alice.localDescription!);
await bob.setLocalDescription();
await alice.setRemoteDescription(bob.localDescription!);
