import { log } from 'lab';

const preview = document.querySelector<HTMLVideoElement>('#local')!;
const playback = document.querySelector<HTMLVideoElement>('#playback')!;

// Encoding costs CPU on every frame; a small picture keeps a short clip light.
const stream = await navigator.mediaDevices.getUserMedia({
  video: { width: 320, height: 240 },
  audio: false,
});
preview.srcObject = stream;
// Record only once frames flow, or the first moments are missing from the recording.
const playing = new Promise((resolve) => preview.addEventListener('playing', resolve, { once: true }));

// No mimeType: the browser picks a format it can both record and play back.
const recorder = new MediaRecorder(stream);
const chunks: Blob[] = [];
recorder.addEventListener('dataavailable', (event) => {
  if (event.data.size > 0) chunks.push(event.data);
});
// The last chunk is delivered just before 'stop', so wait for 'stop', not for stop().
const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));

await playing;
recorder.start();
log('Recording for 3 seconds…');
await new Promise((resolve) => setTimeout(resolve, 3000));
recorder.stop();
await stopped;

// The recording is done with the camera: let it go.
for (const track of stream.getTracks()) track.stop();
preview.srcObject = null;

const recording = new Blob(chunks, { type: recorder.mimeType });
log(`Recorded ${recording.size} bytes of ${recording.type}`);

playback.src = URL.createObjectURL(recording);
// The same blob: URL, offered as a file to keep; the extension follows the recorded format.
const download = document.querySelector<HTMLAnchorElement>('#download')!;
download.href = playback.src;
download.download = recording.type.startsWith('video/mp4') ? 'recording.mp4' : 'recording.webm';
download.hidden = false;
try {
  await playback.play();
} catch (error) {
  // Autoplay policy may refuse play() without a click; the controls still work.
  log('Press play to watch the recording:', (error as DOMException).name);
}
