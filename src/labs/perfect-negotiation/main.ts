import { log, room } from 'lab';

const { role, signal } = await room();
// One side must give way when both offer at once: here the guest is polite, the host is not.
const polite = role === 'guest';
log(`this tab is the ${role}: ${polite ? 'polite' : 'impolite'}`);

const list = document.querySelector('#messages')!;
function show(direction: 'sent' | 'received', message: { description?: RTCSessionDescriptionInit | null; candidate?: RTCIceCandidateInit | null }): void {
  const what = message.description ? message.description.type : message.candidate ? 'candidate' : 'end of candidates';
  list.append(Object.assign(document.createElement('li'), { textContent: `${direction}: ${what}` }));
}
function send(message: { description?: RTCSessionDescriptionInit | null; candidate?: RTCIceCandidateInit | null }): void {
  show('sent', message);
  signal.send(message);
}

const pc = new RTCPeerConnection();
let makingOffer = false;
let ignoreOffer = false;
let settingRemoteAnswer = false;

// Whenever something needs negotiating, offer: both tabs do this as soon as they start.
pc.addEventListener('negotiationneeded', async () => {
  try {
    makingOffer = true;
    await pc.setLocalDescription();
    send({ description: pc.localDescription });
  } finally {
    makingOffer = false;
  }
});
pc.addEventListener('icecandidate', ({ candidate }) => send({ candidate }));

signal.addEventListener('message', async ({ data }) => {
  const message = data as { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit | null };
  show('received', message);
  // TODO: handle what the partner sends.
  // - A description: if it is an offer and we are making one too (makingOffer) or are not
  //   'stable', that is a collision. The impolite tab ignores that offer (ignoreOffer = true).
  //   Otherwise setRemoteDescription(it), and if it was an offer, setLocalDescription() and
  //   send({ description: pc.localDescription }) back: the answer.
  // - A candidate: addIceCandidate(it), ignoring a failure while ignoreOffer is true.
  void [ignoreOffer, makingOffer, settingRemoteAnswer, polite];
});

pc.addEventListener('connectionstatechange', () => log('connection:', pc.connectionState));
pc.addEventListener('datachannel', ({ channel }) => {
  channel.addEventListener('message', ({ data }) => log('received on the channel:', data));
});
// Creating a channel is what needs negotiating: each tab creates one, so both offer.
const chat = pc.createDataChannel(`from the ${role}`);
chat.addEventListener('open', () => chat.send(`hello from the ${role}`));
