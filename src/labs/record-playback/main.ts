import { log } from 'lab';

const preview = document.querySelector<HTMLVideoElement>('#local')!;
const playback = document.querySelector<HTMLVideoElement>('#playback')!;

// Encoding costs CPU on every frame; a small picture keeps a short clip light.
const stream = await navigator.mediaDevices.getUserMedia({
  video: { width: 320, height: 240 },
  audio: false,
});
preview.srcObject = stream;
log('Camera on; nothing is recorded yet. Playback element:', playback);

// TODO 1. Create a recorder: new MediaRecorder(stream). Collect each Blob that its
//         'dataavailable' event delivers (event.data) into an array.
// TODO 2. recorder.start(), wait 3 seconds, then recorder.stop(). The last chunk arrives
//         just before the 'stop' event: wait for that event before going on.
// TODO 3. Join the chunks: new Blob(chunks, { type: recorder.mimeType }). Then
//         playback.src = URL.createObjectURL(blob) and await playback.play().
// TODO 4. Stop the camera's tracks once the recording is done: the camera light goes off.
