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
    // A channel is two-way: the side that received it can send on it too. Text stays
    // text and binary stays binary, because send() is given exactly what arrived.
    incoming.send(data);
  });
});

await alice.setLocalDescription();
await bob.setRemoteDescription(alice.localDescription!);
await bob.setLocalDescription();
await alice.setRemoteDescription(bob.localDescription!);
