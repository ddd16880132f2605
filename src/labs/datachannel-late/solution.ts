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

// The browser fires 'negotiationneeded' whenever something the other side has not agreed to
// yet is added: the first data channel, a track. Answering it with a new offer/answer is what
// makes a channel created later open. Only pc1 ever makes offers here, so two offers can never
// cross; between two browsers either side may renegotiate, and perfect negotiation settles that.
// (Creating the channel before the first connect() works too, because the first offer then
// carries it; but a real app adds channels and tracks later, and this handler covers them all.)
pc1.addEventListener('negotiationneeded', () => {
  log('pc1: negotiationneeded');
  void connect();
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
