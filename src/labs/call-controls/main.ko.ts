import { log, room } from 'lab';
import type { MediaConnection } from 'peerjs';

const local = document.querySelector<HTMLVideoElement>('#local')!;
const remote = document.querySelector<HTMLVideoElement>('#remote')!;
const muteButton = document.querySelector<HTMLButtonElement>('#mute')!;
const cameraButton = document.querySelector<HTMLButtonElement>('#camera')!;
const screenButton = document.querySelector<HTMLButtonElement>('#screen')!;
const hangUpButton = document.querySelector<HTMLButtonElement>('#hangup')!;

const camera = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
local.srcObject = camera;
const microphone = camera.getAudioTracks()[0]!;
const cameraTrack = camera.getVideoTracks()[0]!;
log('your tracks:', microphone.label, 'and', cameraTrack.label);

// 앞 실습의 통화입니다. 버튼들이 쓸 수 있도록 connection을 변수에 남겨 둡니다.
const { peer, partnerId } = await room();
let connection: MediaConnection | null = null;

function call(): void {
  connection = peer.call(partnerId, camera);
  connection.on('stream', (theirs) => {
    remote.srcObject = theirs;
    log('partner video arrived');
  });
  connection.on('close', () => log('call ended'));
}
peer.on('error', (error) => {
  if (error.type !== 'peer-unavailable') return;
  log('partner not in the room yet; calling again in a second');
  setTimeout(call, 1000);
});
call();

// TODO 1. 음소거: microphone.enabled를 뒤집고, 버튼의 aria-pressed도 그에 맞춥니다.
muteButton.addEventListener('click', () => log('mute: not written yet'));

// TODO 2. 카메라 끄기: cameraTrack.enabled로 똑같이 합니다. 그러면 짝에게는 무엇이 보일까요?
cameraButton.addEventListener('click', () => log('camera off: not written yet'));

// TODO 3. 화면 공유: getDisplayMedia({ video: true })로 화면을 받고, 내 영상을 보내는 sender에서
//         replaceTrack을 호출합니다. sender는 connection.peerConnection.getSenders() 가운데
//         track.kind가 'video'인 것입니다. 화면 트랙이 끝나면 다시 cameraTrack으로 바꿉니다.
screenButton.addEventListener('click', () => log('share screen: not written yet'));

// TODO 4. 끊기: connection.close()를 부른 뒤 camera의 모든 트랙(과 화면 트랙)을 멈춥니다.
hangUpButton.addEventListener('click', () => log('hang up: not written yet'));
