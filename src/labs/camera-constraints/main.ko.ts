import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;

// `video: true`는 브라우저가 카메라를 여는 기본 크기를 그대로 받습니다.
const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
video.srcObject = stream;

const [track] = stream.getVideoTracks();
const settings = track!.getSettings();
log(`The camera delivers ${settings.width}×${settings.height} at ${settings.frameRate} fps`);

// TODO 1. 1280×720을 요청해 보세요. `video: true`를 { width: 1280, height: 720 }으로 바꿉니다.
//         숫자만 쓰면 { ideal: 1280 }과 같은 '선호'입니다. 카메라가 못 맞추면 실패하는
//         대신 가장 가까운 크기를 받습니다.
// TODO 2. 다시 실행해서, 로그에 찍힌 설정과 요청한 값을 비교해 보세요.
// TODO 3. 요소가 크기를 알게 되면('loadedmetadata' 이벤트) video.videoWidth와
//         video.videoHeight도 로그로 남기세요. 요소가 실제로 디코딩하는 크기입니다.
