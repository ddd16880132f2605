import { log } from 'lab';

const localVideo = document.querySelector<HTMLVideoElement>('#local')!;
const remoteVideo = document.querySelector<HTMLVideoElement>('#remote')!;

// Both ends on one page, so host candidates are enough: no iceServers at all.
const caller = new RTCPeerConnection();
const callee = new RTCPeerConnection();
caller.addEventListener('icecandidate', ({ candidate }) => void callee.addIceCandidate(candidate));
callee.addEventListener('icecandidate', ({ candidate }) => void caller.addIceCandidate(candidate));
caller.addEventListener('connectionstatechange', () => log('caller:', caller.connectionState));
callee.addEventListener('connectionstatechange', () => log('callee:', callee.connectionState));

const camera = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
localVideo.srcObject = camera;

// One sender per track; the stream tells the other side which tracks belong together.
for (const track of camera.getTracks()) caller.addTrack(track, camera);

// 'track' fires as callee applies the offer, before any frame has arrived; the video
// starts playing when the first frames are decoded.
callee.addEventListener('track', ({ track, streams }) => {
  log(`callee: got a ${track.kind} track`);
  remoteVideo.srcObject = streams[0] ?? new MediaStream([track]);
});

await caller.setLocalDescription();
await callee.setRemoteDescription(caller.localDescription!);
await callee.setLocalDescription();
await caller.setRemoteDescription(callee.localDescription!);

const sections = caller.localDescription!.sdp.match(/^m=.*$/gm) ?? [];
log(`The offer has ${sections.length} media section(s):`, sections);
