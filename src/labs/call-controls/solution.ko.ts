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

// 음소거: 꺼진(enabled = false) 트랙은 무음을 보냅니다. 트랙도 연결도 그대로라서 다시 켜면 바로 돌아옵니다.
muteButton.addEventListener('click', () => {
  microphone.enabled = !microphone.enabled;
  muteButton.setAttribute('aria-pressed', String(!microphone.enabled));
  log(microphone.enabled ? 'microphone on' : 'muted');
});

// 카메라 끄기: 꺼진 비디오 트랙은 검은 프레임을 보내므로 짝의 화면은 검게 보입니다.
cameraButton.addEventListener('click', () => {
  cameraTrack.enabled = !cameraTrack.enabled;
  cameraButton.setAttribute('aria-pressed', String(!cameraTrack.enabled));
  log(cameraTrack.enabled ? 'camera on' : 'camera off');
});

// 통화에서 내 영상을 실어 보내는 sender입니다.
function videoSender(): RTCRtpSender | undefined {
  return connection?.peerConnection?.getSenders().find((sender) => sender.track?.kind === 'video');
}

let screenTrack: MediaStreamTrack | null = null;

async function backToCamera(): Promise<void> {
  const sender = videoSender();
  if (!screenTrack || !sender) return;
  screenTrack.stop();
  screenTrack = null;
  await sender.replaceTrack(cameraTrack);
  local.srcObject = camera;
  screenButton.setAttribute('aria-pressed', 'false');
  log('back to the camera');
}

// 화면 공유: 같은 sender가 다른 트랙을 보냅니다. 새 offer도, 새 answer도 필요 없습니다.
screenButton.addEventListener('click', async () => {
  if (screenTrack) return backToCamera();
  const sender = videoSender();
  if (!sender) return log('no call yet to share your screen in');
  try {
    const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
    screenTrack = screen.getVideoTracks()[0]!;
    await sender.replaceTrack(screenTrack);
    local.srcObject = screen;
    screenButton.setAttribute('aria-pressed', 'true');
    log('your partner now sees your screen');
    // 브라우저의 "공유 중지" 버튼도 트랙을 끝냅니다. 그때도 카메라로 돌아갑니다.
    screenTrack.addEventListener('ended', () => void backToCamera());
  } catch (error) {
    log(`Could not share the screen (${(error as Error).name})`);
  }
});

// 끊기: 통화를 닫고(PeerJS가 짝에게 알리고, 짝도 닫습니다) 모든 트랙을 멈춥니다.
// 그래야 카메라 표시등이 꺼집니다.
hangUpButton.addEventListener('click', () => {
  connection?.close();
  connection = null;
  for (const track of camera.getTracks()) track.stop();
  screenTrack?.stop();
  remote.srcObject = null;
  log('hung up');
});
