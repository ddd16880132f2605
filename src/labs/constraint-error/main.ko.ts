import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;

// `exact`는 바람을 필수 조건으로 바꿉니다. 그런데 폭이 99999픽셀인 카메라는 없습니다.
const stream = await navigator.mediaDevices.getUserMedia({
  video: { width: { exact: 99999 } },
  audio: false,
});
video.srcObject = stream;
log('Camera open:', stream.getVideoTracks()[0]?.label);

// TODO 1. 먼저 그대로 실행해 보세요. 프로미스가 거부되는데 아무도 잡지 않으니,
//         getUserMedia 다음 코드는 실행되지 않습니다. 콘솔의 오류를 읽어 보세요.
// TODO 2. 요청을 try/catch로 감싸세요. 오류의 name이 'OverconstrainedError'이면
//         `constraint` 속성을 로그로 남기세요. 어떤 카메라도 맞추지 못한 조건의
//         이름입니다(message는 비어 있는 경우가 많습니다).
// TODO 3. catch 안에서 { video: true }로 다시 요청해, 그 스트림을 video 요소에
//         보여 주세요. 다른 오류는 다시 던집니다.
