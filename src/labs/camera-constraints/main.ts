import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;

// `video: true` takes whatever size the browser opens the camera at.
const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
video.srcObject = stream;

const [track] = stream.getVideoTracks();
const settings = track!.getSettings();
log(`The camera delivers ${settings.width}×${settings.height} at ${settings.frameRate} fps`);

// TODO 1. Ask for 1280×720: replace `video: true` with { width: 1280, height: 720 }.
//         Plain numbers are preferences, like { ideal: 1280 }: the browser picks the
//         closest size the camera can do instead of failing.
// TODO 2. Run again and compare the settings you log with what you asked for.
// TODO 3. Also log video.videoWidth and video.videoHeight once the element knows them
//         (its 'loadedmetadata' event): that is the size the element actually decodes.
