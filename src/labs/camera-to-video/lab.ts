import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Camera to a video element', ko: '카메라를 video 요소로' },
  summary: {
    en: 'Ask for the camera with getUserMedia and play the stream in a <video>.',
    ko: 'getUserMedia로 카메라를 요청하고 그 스트림을 <video>에서 재생합니다.',
  },
  needs: ['camera'],
  goals: [
    {
      id: 'frames',
      title: { en: 'Camera frames are playing in the video element', ko: '카메라 프레임이 video 요소에서 재생되고 있다' },
      check: { kind: 'video-frames', element: 'video#local', minFrames: 20 },
    },
  ],
});
