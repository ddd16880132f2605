import { log } from 'lab';

// <video id="local">은 이 실습의 index.html에 들어 있습니다.
const video = document.querySelector<HTMLVideoElement>('#local')!;

// 1. 카메라를 요청하세요. navigator.mediaDevices.getUserMedia({ video: true })는
//    MediaStream을 돌려주는 Promise입니다. await로 기다리면 됩니다.
// 2. 받은 스트림을 video 요소에 넘기세요: video.srcObject = stream
// 3. 카메라의 label과 설정값을 log(...)로 찍어 보고, 무엇을 받았는지 확인하세요.

log('The video element is ready:', video);
