import { log } from 'lab';

const localVideo = document.querySelector<HTMLVideoElement>('#local')!;
const channelState = document.querySelector<HTMLOutputElement>('#channel-state')!;

// addStream() was dropped from the specification, so TypeScript's DOM types no longer declare it.
// This interface describes the old method, so the note's call type-checks without `any`.
interface LegacyPeerConnection extends RTCPeerConnection {
  addStream(stream: MediaStream): void;
}

// First, what this page has. Camera and microphone need a secure context:
// https://, or http://localhost; a plain http://192.168.x.x page has no navigator.mediaDevices.
log('isSecureContext:', isSecureContext);
log('typeof navigator.mediaDevices:', typeof navigator.mediaDevices);
log('typeof RTCPeerConnection:', typeof RTCPeerConnection);
log('typeof RTCDataChannel:', typeof RTCDataChannel);
log('typeof RTCPeerConnection.prototype.addStream:', typeof (RTCPeerConnection.prototype as LegacyPeerConnection).addStream);

// ---- The study note's example, as written (with types added) ----
async function getMedia(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
}
function getPeerConnection(): RTCPeerConnection {
  return new RTCPeerConnection();
}
function getDataChannel(peerConnection: RTCPeerConnection): RTCDataChannel {
  return peerConnection.createDataChannel('chat');
}
const stream = await getMedia();
const peerConnection = getPeerConnection();
(peerConnection as LegacyPeerConnection).addStream(stream);
const dataChannel = getDataChannel(peerConnection);
dataChannel.onopen = () => console.log('open');
dataChannel.onmessage = (event) => console.log(event.data);
dataChannel.onclose = () => console.log('closed');
// ---- End of the note ----

// The note never shows the camera, nor says what it delivered: plain numbers in the
// constraints are only preferences, so getSettings() tells what the browser actually gave.
localVideo.srcObject = stream;
for (const track of stream.getTracks()) log(`${track.kind} track settings:`, track.getSettings());

// A channel fires 'open' and 'close' but nothing while it waits, so the page reads its
// readyState every second until it leaves 'connecting'.
const createdAt = performance.now();
const watch = setInterval(showChannelState, 1000);
function showChannelState(): void {
  const seconds = Math.round((performance.now() - createdAt) / 1000);
  channelState.value = `${dataChannel.readyState}, ${seconds} s after createDataChannel()`;
  if (dataChannel.readyState !== 'connecting') clearInterval(watch);
}
showChannelState();
log('signalingState:', peerConnection.signalingState, '/ connectionState:', peerConnection.connectionState);

// TODO 1: Run it. The camera plays and addStream() is accepted, but 'open' is never logged:
//         no offer was made, and there is no second peer to answer one.
// TODO 2: Replace addStream() with today's API: peerConnection.addTrack(track, stream) for each
//         track of stream.getTracks().
// TODO 3: Make the other end in this page: a second getPeerConnection(). Hand ICE candidates
//         across by hand ('icecandidate' on one → addIceCandidate() on the other, both ways).
// TODO 4: On the second peer, show the remote video from its 'track' event in video#remote, and
//         log the messages of the channel its 'datachannel' event brings.
// TODO 5: Offer/answer with promises: setLocalDescription() on the first peer, then
//         setRemoteDescription() and setLocalDescription() on the second, then the answer back.
//         Once the channel opens, send 'hello from the study note'.
