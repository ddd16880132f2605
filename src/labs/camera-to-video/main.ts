import { log } from 'lab';

// The <video id="local"> comes from this lab's index.html.
const video = document.querySelector<HTMLVideoElement>('#local')!;

// 1. Ask for the camera: navigator.mediaDevices.getUserMedia({ video: true })
//    returns a Promise of a MediaStream. Await it.
// 2. Give the stream to the video element: video.srcObject = stream
// 3. Log the camera's label and settings with log(...) to see what you got.

log('The video element is ready:', video);
