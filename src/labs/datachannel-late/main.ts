import { log } from 'lab';

const channelState = document.querySelector<HTMLOutputElement>('#channel-state')!;
const list = document.querySelector('#messages')!;
function show(who: string, text: string): void {
  list.append(Object.assign(document.createElement('li'), { textContent: `${who}: ${text}` }));
  log(`${who}:`, text);
}

// Two peer connections in one page; trickle ICE is handing each candidate to the other.
const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();
pc1.addEventListener('icecandidate', ({ candidate }) => void pc2.addIceCandidate(candidate));
pc2.addEventListener('icecandidate', ({ candidate }) => void pc1.addIceCandidate(candidate));

// One offer/answer exchange, as many apps do it: once, when the call starts.
async function connect(): Promise<void> {
  await pc1.setLocalDescription();
  await pc2.setRemoteDescription(pc1.localDescription!);
  await pc2.setLocalDescription();
  await pc1.setRemoteDescription(pc2.localDescription!);
  const sections = pc1.localDescription!.sdp.match(/^m=.*$/gm) ?? [];
  log(`offer/answer done; the offer had ${sections.length} media section(s):`, sections);
}

// pc2 answers every message that arrives on a channel pc1 opens.
pc2.addEventListener('datachannel', ({ channel: incoming }) => {
  incoming.addEventListener('message', ({ data }) => {
    show('pc2 received', String(data));
    incoming.send('hello back from pc2');
  });
});

await connect();

// Only now, after the offer and answer, does the app decide it wants a channel.
const channel = pc1.createDataChannel('late');
channel.addEventListener('open', () => channel.send('hello from pc1'));
channel.addEventListener('message', ({ data }) => show('pc1 received', String(data)));

// The channel fires 'open' when it opens and nothing while it waits, so the page reads
// readyState once a second for a few seconds.
let seconds = 0;
channelState.value = channel.readyState;
const watch = setInterval(() => {
  seconds += 1;
  channelState.value = channel.readyState;
  log(`after ${seconds} s the 'late' channel is ${channel.readyState}`);
  if (seconds >= 5 || channel.readyState !== 'connecting') clearInterval(watch);
}, 1000);

// TODO 1: Run it and watch the channel stay 'connecting'. The one offer was made before the
//         channel existed, so it has no media section for data channels: nothing was negotiated
//         for 'late' to open on. Creating the channel fired 'negotiationneeded' on pc1, but
//         nobody listens for it.
// TODO 2: Listen for it, before connect() is first called:
//         pc1.addEventListener('negotiationneeded', () => void connect());
//         Creating a channel (or adding a track) later then runs a new offer/answer by itself.
