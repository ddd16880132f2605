import { log } from 'lab';

const preview = document.querySelector<HTMLVideoElement>('#local')!;
const playback = document.querySelector<HTMLVideoElement>('#playback')!;

// 인코딩은 프레임마다 CPU를 씁니다. 짧은 클립이니 작은 화면으로 가볍게 녹화합니다.
const stream = await navigator.mediaDevices.getUserMedia({
  video: { width: 320, height: 240 },
  audio: false,
});
preview.srcObject = stream;
// 프레임이 실제로 들어오기 시작한 뒤에 녹화합니다. 그러지 않으면 앞부분이 빠집니다.
const playing = new Promise((resolve) => preview.addEventListener('playing', resolve, { once: true }));

// mimeType을 지정하지 않으면 브라우저가 녹화와 재생을 모두 할 수 있는 형식을 고릅니다.
const recorder = new MediaRecorder(stream);
const chunks: Blob[] = [];
recorder.addEventListener('dataavailable', (event) => {
  if (event.data.size > 0) chunks.push(event.data);
});
// 마지막 조각은 'stop' 직전에 도착합니다. stop() 호출이 아니라 'stop' 이벤트를 기다립니다.
const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));

await playing;
recorder.start();
log('Recording for 3 seconds…');
await new Promise((resolve) => setTimeout(resolve, 3000));
recorder.stop();
await stopped;

// 녹화가 끝났으니 카메라를 놓아줍니다.
for (const track of stream.getTracks()) track.stop();
preview.srcObject = null;

const recording = new Blob(chunks, { type: recorder.mimeType });
log(`Recorded ${recording.size} bytes of ${recording.type}`);

playback.src = URL.createObjectURL(recording);
// 같은 blob: URL을 내려받을 파일로도 내놓습니다. 확장자는 녹화된 형식을 따릅니다.
const download = document.querySelector<HTMLAnchorElement>('#download')!;
download.href = playback.src;
download.download = recording.type.startsWith('video/mp4') ? 'recording.mp4' : 'recording.webm';
download.hidden = false;
try {
  await playback.play();
} catch (error) {
  // 자동 재생 정책 때문에 클릭 없이는 play()가 거부될 수 있습니다. 컨트롤은 그대로 쓸 수 있습니다.
  log('Press play to watch the recording:', (error as DOMException).name);
}
