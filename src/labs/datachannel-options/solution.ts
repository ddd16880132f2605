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

// A late position is worse than a lost one: deliver in any order and never retransmit.
// maxRetransmits and maxPacketLifeTime are alternatives; setting both throws a TypeError.
const positions = alice.createDataChannel('positions', { ordered: false, maxRetransmits: 0 });
positions.addEventListener('open', () => {
  show(`alice: open ${describe(positions)}`);
  for (let x = 0; x < 5; x += 1) positions.send(JSON.stringify({ x: x * 10, y: 50 }));
});

bob.addEventListener('datachannel', ({ channel }) => {
  show(`bob: received ${describe(channel)}`);
  channel.addEventListener('message', ({ data }) => show(`bob got a position: ${data}`));
});

// Negotiated channels skip the in-band announcement: both sides create the channel with
// the same id, so it opens as soon as the connection is up, with no 'datachannel' event.
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
