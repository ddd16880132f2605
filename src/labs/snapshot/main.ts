import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;
const canvas = document.querySelector<HTMLCanvasElement>('#snapshot')!;
const snapButton = document.querySelector<HTMLButtonElement>('#snap')!;

const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
video.srcObject = stream;

snapButton.addEventListener('click', () => {
  log(`Click! The canvas is ${canvas.width}×${canvas.height} and still empty.`);
});

// TODO 1. In the click handler, get the canvas's 2D context: canvas.getContext('2d').
// TODO 2. Give the canvas the video's own size (video.videoWidth, video.videoHeight),
//         so the snapshot is neither stretched nor blurred.
// TODO 3. Draw the frame the video shows right now: context.drawImage(video, 0, 0).
// TODO 4. Before the first frame arrives there is nothing to draw: skip the click
//         while video.readyState is below HTMLMediaElement.HAVE_CURRENT_DATA.
