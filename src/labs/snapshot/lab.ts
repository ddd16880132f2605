import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'A snapshot from the camera', ko: '카메라 스냅샷' },
  summary: {
    en: 'Draw the camera’s current frame into a <canvas> when a button is clicked.',
    ko: '버튼을 누르면 카메라의 현재 프레임을 <canvas>에 그립니다.',
  },
  needs: ['camera'],
  goals: [
    {
      id: 'camera',
      title: { en: 'The camera is playing in the video element', ko: '카메라가 video 요소에서 재생되고 있다' },
      check: { kind: 'video-frames', element: 'video#local', minFrames: 10 },
    },
    {
      id: 'snapshot',
      title: { en: 'The canvas holds a camera frame', ko: 'canvas에 카메라 프레임이 담겼다' },
      check: { kind: 'canvas-image', element: 'canvas#snapshot' },
    },
  ],
  steps: [{ click: '#snap', after: 'camera' }],
});
