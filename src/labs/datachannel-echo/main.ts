import { log } from 'lab';

// Two peer connections in one page: signaling is handing objects from one to the other.
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

// alice's channel exists before the offer, so the offer carries it.
const channel = alice.createDataChannel('echo');
// Binary messages arrive as ArrayBuffer here (the other choice is 'blob', which must be read asynchronously).
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
    // TODO: send every message back to alice, unchanged, on the same channel:
    //       incoming.send(data) takes a string and an ArrayBuffer alike.
  });
});

await alice.setLocalDescription();
await bob.setRemoteDescription(alice.localDescription!);
await bob.setLocalDescription();
await alice.setRemoteDescription(bob.localDescription!);

// TODO: Run it. Both messages reach bob, but nothing comes back to alice yet:
//       the two goals need each message to make the round trip.
