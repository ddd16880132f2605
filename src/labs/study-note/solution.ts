import { log } from 'lab';

const localVideo = document.querySelector<HTMLVideoElement>('#local')!;
const remoteVideo = document.querySelector<HTMLVideoElement>('#remote')!;
const channelState = document.querySelector<HTMLOutputElement>('#channel-state')!;

// The note's three helpers stay as they were: getUserMedia, RTCPeerConnection and
// createDataChannel are today's APIs. What changed is how the pieces are put together.
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
localVideo.srcObject = stream;
for (const track of stream.getTracks()) log(`${track.kind} track settings:`, track.getSettings());

// A channel opens only when someone answers: here the other end is a second peer in this page.
const peerConnection = getPeerConnection();
const otherPeer = getPeerConnection();
// Trickle ICE by hand: each candidate goes to the other peer as soon as it is found.
peerConnection.addEventListener('icecandidate', ({ candidate }) => void otherPeer.addIceCandidate(candidate));
otherPeer.addEventListener('icecandidate', ({ candidate }) => void peerConnection.addIceCandidate(candidate));

// addTrack() replaces addStream(): one sender per track; the stream tells the other end which
// tracks belong together. Tracks and the channel exist before the offer, so the offer carries them.
for (const track of stream.getTracks()) peerConnection.addTrack(track, stream);
const dataChannel = getDataChannel(peerConnection);

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

dataChannel.onopen = () => {
  console.log('open');
  showChannelState();
  dataChannel.send('hello from the study note');
};
dataChannel.onmessage = (event) => console.log(event.data);
dataChannel.onclose = () => {
  console.log('closed');
  showChannelState();
};

// The other end: 'track' once per incoming track (audio and video share one stream), and
// 'datachannel' for the channel the first peer created.
otherPeer.addEventListener('track', ({ track, streams }) => {
  log(`other peer: got a ${track.kind} track`);
  if (track.kind === 'video') remoteVideo.srcObject = streams[0] ?? new MediaStream([track]);
});
otherPeer.addEventListener('datachannel', ({ channel }) => {
  channel.addEventListener('message', ({ data }) => log(`other peer received on '${channel.label}':`, data));
});

// Offer/answer with promises; setLocalDescription() with no argument makes the offer or answer itself.
await peerConnection.setLocalDescription();
await otherPeer.setRemoteDescription(peerConnection.localDescription!);
await otherPeer.setLocalDescription();
await peerConnection.setRemoteDescription(otherPeer.localDescription!);
log('signalingState:', peerConnection.signalingState, '/ connectionState:', peerConnection.connectionState);
