import { log } from 'lab';

const preview = document.querySelector<HTMLVideoElement>('#local')!;
const playback = document.querySelector<HTMLVideoElement>('#playback')!;

// 인코딩은 프레임마다 CPU를 씁니다. 짧은 클립이니 작은 화면으로 가볍게 녹화합니다.
const stream = await navigator.mediaDevices.getUserMedia({
  video: { width: 320, height: 240 },
  audio: false,
});
preview.srcObject = stream;
log('Camera on; nothing is recorded yet. Playback element:', playback);

// TODO 1. 녹화기를 만드세요: new MediaRecorder(stream). 'dataavailable' 이벤트가
//         넘겨주는 Blob(event.data)을 배열에 모읍니다.
// TODO 2. recorder.start()로 시작하고, 3초 기다린 뒤 recorder.stop()을 부르세요.
//         마지막 조각은 'stop' 이벤트 직전에 도착하니, 그 이벤트를 기다린 다음 넘어갑니다.
// TODO 3. 조각들을 합치세요: new Blob(chunks, { type: recorder.mimeType }). 그리고
//         playback.src = URL.createObjectURL(blob)로 연결하고 await playback.play().
// TODO 4. 녹화가 끝나면 카메라 트랙을 멈추세요. 카메라 표시등이 꺼집니다.
