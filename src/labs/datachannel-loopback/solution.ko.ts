import { log } from 'lab';

const alice = new RTCPeerConnection();
const bob = new RTCPeerConnection();

alice.addEventListener('icecandidate', (e) => void bob.addIceCandidate(e.candidate));
bob.addEventListener('icecandidate', (e) => void alice.addIceCandidate(e.candidate));

// offer 전에 만든 채널은 offer에 포함됩니다. offer에 m=application 섹션이 생깁니다.
const chat = alice.createDataChannel('chat');
chat.addEventListener('open', () => {
  log('alice: channel open, sending');
  chat.send('hello, peer');
});

const list = document.querySelector('#messages')!;
bob.addEventListener('datachannel', ({ channel }) => {
  log(`bob: got channel "${channel.label}"`);
  channel.addEventListener('message', (event) => {
    log('bob received:', event.data);
    list.append(Object.assign(document.createElement('li'), { textContent: String(event.data) }));
  });
});

await alice.setLocalDescription();
await bob.setRemoteDescription(alice.localDescription!);
await bob.setLocalDescription();
await alice.setRemoteDescription(bob.localDescription!);

log('Signaling done; connection state:', alice.connectionState);
