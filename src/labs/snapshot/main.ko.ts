import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;
const canvas = document.querySelector<HTMLCanvasElement>('#snapshot')!;
const snapButton = document.querySelector<HTMLButtonElement>('#snap')!;

const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
video.srcObject = stream;

snapButton.addEventListener('click', () => {
  log(`Click! The canvas is ${canvas.width}×${canvas.height} and still empty.`);
});

// TODO 1. 클릭 핸들러 안에서 canvas의 2D 컨텍스트를 얻으세요: canvas.getContext('2d')
// TODO 2. canvas 크기를 비디오 자체의 크기(video.videoWidth, video.videoHeight)로
//         맞추세요. 그래야 스냅샷이 늘어나거나 흐려지지 않습니다.
// TODO 3. 비디오가 지금 보여 주는 프레임을 그리세요: context.drawImage(video, 0, 0)
// TODO 4. 첫 프레임이 오기 전에는 그릴 것이 없습니다. video.readyState가
//         HTMLMediaElement.HAVE_CURRENT_DATA보다 작으면 클릭을 건너뛰세요.
