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

// 1초마다: 송신자의 outbound-rtp 스트림이 지난번 보고 이후 보낸 바이트.
let last: { bytes: number; at: number } | undefined;
setInterval(async () => {
  for (const stat of (await sender.getStats()).values()) {
    if (stat.type !== 'outbound-rtp') continue;
    if (last) bitrate.value = String(Math.round(((stat.bytesSent - last.bytes) * 8) / (stat.timestamp - last.at)));
    last = { bytes: stat.bytesSent, at: stat.timestamp };
  }
}, 1000);

// TODO: 비디오를 250 kbit/s로 제한하십시오. 송신자의 인코딩 설정은 통째로 읽고 통째로 씁니다.
//       const parameters = sender.getParameters();
//       parameters.encodings[0].maxBitrate(초당 비트 수)를 바꾼 뒤
//       await sender.setParameters(parameters)를 호출합니다.
//       실행하고 위의 숫자를 지켜보십시오. 제한이 없으면 300을 훌쩍 넘습니다.
