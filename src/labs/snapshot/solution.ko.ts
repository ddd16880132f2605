import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;
const canvas = document.querySelector<HTMLCanvasElement>('#snapshot')!;
const snapButton = document.querySelector<HTMLButtonElement>('#snap')!;

const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
video.srcObject = stream;

snapButton.addEventListener('click', () => {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) {
    log('No camera frame yet; try again in a moment.');
    return;
  }
  // 페이지에 보이는 크기가 아니라 비디오 자체의 크기입니다. 늘어나지도, 디테일을 잃지도 않습니다.
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')!.drawImage(video, 0, 0);
  log(`Snapshot taken: ${canvas.width}×${canvas.height}`);
});
