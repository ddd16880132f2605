import { log } from 'lab';

const shareButton = document.querySelector<HTMLButtonElement>('#share')!;
const stopButton = document.querySelector<HTMLButtonElement>('#stop')!;
const video = document.querySelector<HTMLVideoElement>('#screen')!;

// 브라우저는 이 클릭 같은 사용자 제스처 직후에만 getDisplayMedia를 허용합니다.
shareButton.addEventListener('click', async () => {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  video.srcObject = stream;
  shareButton.disabled = true;
  stopButton.disabled = false;
  log('Sharing:', stream.getVideoTracks()[0]?.label);
});

log('Ready: click the share button and pick what to share.');

// TODO 1. “공유 중지” 버튼이 동작하게 만드세요. 클릭하면 화면의 비디오 트랙을
//         track.stop()으로 멈추고, video.srcObject를 비우고, 버튼 상태를 되돌립니다.
//         두 핸들러가 모두 쓸 수 있도록 트랙은 공유 핸들러 바깥의 변수에 담아 두세요.
// TODO 2. 사용자는 브라우저 자체의 “공유 중지” 버튼으로도 멈출 수 있습니다. 이때 트랙에서
//         'ended' 이벤트가 발생합니다(코드에서 부른 track.stop()으로는 발생하지 않습니다).
//         이 이벤트를 듣고 페이지를 같은 방식으로 되돌리세요.
// TODO 3. 사용자가 아무것도 고르지 않고 선택 창을 닫으면 NotAllowedError로 거부됩니다.
//         잡히지 않은 오류로 남기지 말고, 잡아서 알기 쉬운 메시지를 로그로 남기세요.
// TODO 4. 발표자는 보통 얼굴도 함께 보여 줍니다. 페이지가 시작될 때 getUserMedia({ video: true })로
//         카메라를 열어 화면 옆의 video#camera에 보여 주세요. 권한도 따로 받는 별개의 스트림입니다.
