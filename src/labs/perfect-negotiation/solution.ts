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
  if (message.description) {
    // An offer that arrives while we are making our own, or are not stable, is a collision (glare).
    // Applying an answer leaves 'stable' for a moment, which is no reason to refuse an offer.
    const readyForOffer = !makingOffer && (pc.signalingState === 'stable' || settingRemoteAnswer);
    const collision = message.description.type === 'offer' && !readyForOffer;
    ignoreOffer = !polite && collision;
    if (ignoreOffer) {
      log('glare: the impolite tab ignores the other offer');
      return;
    }
    if (collision) log('glare: the polite tab rolls its own offer back and takes the other');
    // For the polite tab, setRemoteDescription(offer) rolls back its own offer first.
    settingRemoteAnswer = message.description.type === 'answer';
    await pc.setRemoteDescription(message.description);
    settingRemoteAnswer = false;
    if (message.description.type === 'offer') {
      await pc.setLocalDescription();
      send({ description: pc.localDescription });
    }
  } else if (message.candidate !== undefined) {
    // Whether we were ignoring when it arrived: the failure comes later, when an answer may have reset the flag.
    const ignoring = ignoreOffer;
    try {
      await pc.addIceCandidate(message.candidate ?? undefined);
    } catch (error) {
      // Candidates for the offer we ignored fail; that is expected.
      if (!ignoring) throw error;
    }
  }
});

pc.addEventListener('connectionstatechange', () => log('connection:', pc.connectionState));
pc.addEventListener('datachannel', ({ channel }) => {
  channel.addEventListener('message', ({ data }) => log('received on the channel:', data));
});
// Creating a channel is what needs negotiating: each tab creates one, so both offer.
const chat = pc.createDataChannel(`from the ${role}`);
chat.addEventListener('open', () => chat.send(`hello from the ${role}`));
