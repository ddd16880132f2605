import { log } from 'lab';

const shareButton = document.querySelector<HTMLButtonElement>('#share')!;
const stopButton = document.querySelector<HTMLButtonElement>('#stop')!;
const video = document.querySelector<HTMLVideoElement>('#screen')!;

let screenTrack: MediaStreamTrack | undefined;

function showStopped(): void {
  screenTrack = undefined;
  video.srcObject = null;
  shareButton.disabled = false;
  stopButton.disabled = true;
}

// 브라우저는 이 클릭 같은 사용자 제스처 직후에만 getDisplayMedia를 허용합니다.
shareButton.addEventListener('click', async () => {
  try {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    screenTrack = stream.getVideoTracks()[0];
    // 공유가 이 코드 밖에서 끝났을 때 발생합니다. 브라우저 자체의 "공유 중지" 버튼이나
    // 공유하던 창이 닫힌 경우입니다. 페이지가 부른 stop()으로는 발생하지 않습니다.
    screenTrack?.addEventListener('ended', () => {
      log('Sharing ended from the browser');
      showStopped();
    });
    video.srcObject = stream;
    shareButton.disabled = true;
    stopButton.disabled = false;
    log('Sharing:', screenTrack?.label, screenTrack?.getSettings().displaySurface);
  } catch (error) {
    const { name, message } = error as DOMException;
    // 사용자가 선택 창을 닫았거나 정책이 거부한 경우입니다. 공유할 것이 없을 뿐 고장은 아닙니다.
    if (name === 'NotAllowedError') log('Sharing was cancelled.');
    else log(`Could not share the screen (${name}): ${message}`);
  }
});

stopButton.addEventListener('click', () => {
  screenTrack?.stop();
  log('Sharing stopped');
  showStopped();
});

// 화면 옆의 카메라: 권한도 따로 받는 별개의 스트림으로, 시작할 때 엽니다.
const camera = document.querySelector<HTMLVideoElement>('#camera')!;
camera.srcObject = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });

log('Ready: click the share button and pick what to share.');
