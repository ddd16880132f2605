import { log } from 'lab';

const localVideo = document.querySelector<HTMLVideoElement>('#local')!;
const remoteVideo = document.querySelector<HTMLVideoElement>('#remote')!;
const bitrate = document.querySelector<HTMLOutputElement>('#bitrate')!;

const caller = new RTCPeerConnection();
const callee = new RTCPeerConnection();
caller.addEventListener('icecandidate', ({ candidate }) => void callee.addIceCandidate(candidate));
callee.addEventListener('icecandidate', ({ candidate }) => void caller.addIceCandidate(candidate));
caller.addEventListener('connectionstatechange', () => log('caller:', caller.connectionState));

const camera = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
localVideo.srcObject = camera;
const [track] = camera.getVideoTracks();
const sender = caller.addTrack(track!, camera);
callee.addEventListener('track', ({ streams }) => {
  remoteVideo.srcObject = streams[0] ?? null;
});

await caller.setLocalDescription();
await callee.setRemoteDescription(caller.localDescription!);
await callee.setLocalDescription();
await caller.setRemoteDescription(callee.localDescription!);

// Once a second: the bytes the sender's outbound-rtp stream sent since the last report.
let last: { bytes: number; at: number } | undefined;
setInterval(async () => {
  for (const stat of (await sender.getStats()).values()) {
    if (stat.type !== 'outbound-rtp') continue;
    if (last) bitrate.value = String(Math.round(((stat.bytesSent - last.bytes) * 8) / (stat.timestamp - last.at)));
    last = { bytes: stat.bytesSent, at: stat.timestamp };
  }
}, 1000);

// TODO: cap the video at 250 kbit/s. A sender's encoding settings are read and written whole:
//       const parameters = sender.getParameters();
//       change parameters.encodings[0].maxBitrate (bits per second), then
//       await sender.setParameters(parameters).
//       Run it and watch the number above: uncapped, it climbs well past 300.
