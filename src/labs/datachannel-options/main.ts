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

// Positions of a moving pointer: only the newest one matters.
// TODO 1: pass options as the second argument so that this channel delivers messages as
//         they arrive (ordered: false) and never resends a lost one (maxRetransmits: 0).
const positions = alice.createDataChannel('positions');
positions.addEventListener('open', () => {
  show(`alice: open ${describe(positions)}`);
  for (let x = 0; x < 5; x += 1) positions.send(JSON.stringify({ x: x * 10, y: 50 }));
});

// The other side learns about an in-band channel from the 'datachannel' event.
bob.addEventListener('datachannel', ({ channel }) => {
  show(`bob: received ${describe(channel)}`);
  channel.addEventListener('message', ({ data }) => show(`bob got a position: ${data}`));
});

// TODO 2: a second channel, "control", agreed on in advance instead of announced:
//         call createDataChannel('control', { negotiated: true, id: 5 }) on alice AND on bob.
//         No 'datachannel' event fires for it. When alice's end opens, send 'start' on it
//         and show what bob's end receives.

await alice.setLocalDescription();
await bob.setRemoteDescription(alice.localDescription!);
await bob.setLocalDescription();
await alice.setRemoteDescription(bob.localDescription!);

// TODO: Run it, then compare what bob reports for "positions" before and after TODO 1:
//       the options travel with the channel, so bob's end has the same ones.
