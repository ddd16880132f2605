import { log } from 'lab';

const localVideo = document.querySelector<HTMLVideoElement>('#local')!;
const remoteVideo = document.querySelector<HTMLVideoElement>('#remote')!;

// 양쪽 끝이 한 페이지에 있으니 host 후보만으로 충분합니다. iceServers는 전혀 필요 없습니다.
const caller = new RTCPeerConnection();
const callee = new RTCPeerConnection();
caller.addEventListener('icecandidate', ({ candidate }) => void callee.addIceCandidate(candidate));
callee.addEventListener('icecandidate', ({ candidate }) => void caller.addIceCandidate(candidate));
caller.addEventListener('connectionstatechange', () => log('caller:', caller.connectionState));
callee.addEventListener('connectionstatechange', () => log('callee:', callee.connectionState));

const camera = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
localVideo.srcObject = camera;

// 트랙마다 송신자(sender)가 하나씩 생깁니다. 스트림은 어떤 트랙들이 한 묶음인지 상대에게 알려 줍니다.
for (const track of camera.getTracks()) caller.addTrack(track, camera);

// 'track'은 callee가 offer를 적용할 때, 프레임이 하나도 도착하기 전에 발생합니다.
// 비디오는 첫 프레임이 디코딩되면 재생을 시작합니다.
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
