import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Share your screen, and stop sharing', ko: '화면 공유하고 멈추기' },
  summary: {
    en: 'Call getDisplayMedia from a Share button, show the capture beside the camera, and stop it with your own button or the browser’s.',
    ko: '공유 버튼의 클릭에서 getDisplayMedia를 호출해 캡처를 카메라 옆에 보여 주고, 직접 만든 버튼이나 브라우저의 버튼으로 멈춥니다.',
  },
  needs: ['screen', 'camera'],
  goals: [
    {
      id: 'frames',
      title: { en: 'The shared screen is playing in the video element', ko: '공유한 화면이 video 요소에서 재생되고 있다' },
      check: { kind: 'video-frames', element: 'video#screen', minFrames: 10 },
    },
    {
      id: 'camera',
      title: { en: 'The camera plays beside the screen in video#camera', ko: '화면 옆 video#camera에서 카메라가 재생되고 있다' },
      check: { kind: 'video-frames', element: 'video#camera', minFrames: 10 },
    },
    {
      id: 'stopped',
      title: {
        en: 'The “Stop sharing” button stopped the screen track',
        ko: '“공유 중지” 버튼이 화면 트랙을 멈췄다',
      },
      check: { kind: 'track-ended', source: 'getDisplayMedia', cause: 'stop' },
    },
  ],
  steps: [{ click: '#share' }, { click: '#stop', after: 'frames' }],
});
