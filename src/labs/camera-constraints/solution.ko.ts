import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;

// 숫자만 쓰면 선호(`ideal`과 같음)입니다. 720p를 못 하는 카메라도 실패하지 않고
// 가능한 가장 가까운 크기를 줍니다.
const stream = await navigator.mediaDevices.getUserMedia({
  video: { width: 1280, height: 720 },
  audio: false,
});
video.srcObject = stream;

// 제약 조건은 요청일 뿐이고, 실제로 받은 값은 getSettings()가 알려 줍니다.
const [track] = stream.getVideoTracks();
const settings = track!.getSettings();
log(`Asked for 1280×720, got ${settings.width}×${settings.height} at ${settings.frameRate} fps`);

video.addEventListener(
  'loadedmetadata',
  () => log(`The video element decodes ${video.videoWidth}×${video.videoHeight}`),
  { once: true },
);
