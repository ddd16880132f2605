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

// TODO 1: 카메라를 보내십시오. camera.getTracks()의 트랙마다 caller.addTrack(track, camera)를 호출합니다.
//         offer보다 먼저, 바로 여기서 해야 offer에 그 트랙의 미디어 섹션이 생깁니다.

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
// TODO 2: 실행해 보십시오. 미디어 섹션이 없으면 연결할 것도 없어서 상태는 'new'에서 벗어나지 않고
//         원격 비디오도 검은 화면 그대로입니다. TODO 1을 한 뒤에는 양쪽이 'connected'가 되는 것을 지켜보십시오.
