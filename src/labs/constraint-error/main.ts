import { log } from 'lab';

const video = document.querySelector<HTMLVideoElement>('#local')!;

// `exact` turns a wish into a requirement, and no camera is 99999 pixels wide.
const stream = await navigator.mediaDevices.getUserMedia({
  video: { width: { exact: 99999 } },
  audio: false,
});
video.srcObject = stream;
log('Camera open:', stream.getVideoTracks()[0]?.label);

// TODO 1. Run this as it is: the promise rejects, nothing catches it, and the code
//         after getUserMedia never runs. Read the error in the console.
// TODO 2. Wrap the request in try/catch. When the error's name is 'OverconstrainedError',
//         log its `constraint` property: it names the requirement no camera could meet
//         (its message is often empty).
// TODO 3. In the catch, fall back: ask again with { video: true } and show that
//         stream in the video element. Rethrow any other error.
