import { log } from 'lab';

// Two peers in one page: signaling is just passing objects from one to the other.
const alice = new RTCPeerConnection();
const bob = new RTCPeerConnection();

// Each side hands its ICE candidates to the other as they are found (trickle ICE).
alice.addEventListener('icecandidate', (e) => void bob.addIceCandidate(e.candidate));
bob.addEventListener('icecandidate', (e) => void alice.addIceCandidate(e.candidate));

// 1. Create a data channel on alice BEFORE the offer: alice.createDataChannel('chat')
// 2. When it opens ('open' event), send the text 'hello, peer'.
// 3. On bob, listen for 'datachannel', then for 'message' on that channel,
//    and log(event.data).

// Offer/answer. setLocalDescription() with no argument creates the description itself.
await alice.setLocalDescription();
await bob.setRemoteDescription(alice.localDescription!);
await bob.setLocalDescription();
await alice.setRemoteDescription(bob.localDescription!);

log('Signaling done; connection state:', alice.connectionState);
