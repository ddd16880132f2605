import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;

try {
  // 원하는 조건을 말해 두면, 브라우저가 카메라가 낼 수 있는 가장 가까운 값을 고릅니다.
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 640 }, height: { ideal: 480 } },
    audio: false,
  });
  video.srcObject = stream;

  const [track] = stream.getVideoTracks();
  log('Camera:', track?.label);
  log('Settings:', track?.getSettings());
} catch (error) {
  // NotAllowedError: 사용자가 권한을 거부했습니다. NotFoundError: 카메라가 없습니다.
  // NotReadableError: 다른 프로그램이 카메라를 쓰고 있습니다.
  const { name, message } = error as DOMException;
  log(`Could not open the camera (${name}): ${message}`);
}
