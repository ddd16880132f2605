import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;

// Plain numbers are preferences (the same as `ideal`): a camera that cannot do 720p
// gives the closest size it can instead of failing.
const stream = await navigator.mediaDevices.getUserMedia({
  video: { width: 1280, height: 720 },
  audio: false,
});
video.srcObject = stream;

// Constraints are a request; getSettings() says what was granted.
const [track] = stream.getVideoTracks();
const settings = track!.getSettings();
log(`Asked for 1280×720, got ${settings.width}×${settings.height} at ${settings.frameRate} fps`);

video.addEventListener(
  'loadedmetadata',
  () => log(`The video element decodes ${video.videoWidth}×${video.videoHeight}`),
  { once: true },
);
