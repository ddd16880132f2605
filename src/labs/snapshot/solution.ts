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
  // The video's own size, not its size on the page: no stretching, no lost detail.
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')!.drawImage(video, 0, 0);
  log(`Snapshot taken: ${canvas.width}×${canvas.height}`);
});
