import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Ask the camera for a size', ko: '카메라에 해상도 요청하기' },
  summary: {
    en: 'Ask getUserMedia for 1280×720, then check with getSettings() what the camera really delivers.',
    ko: 'getUserMedia에 1280×720을 요청하고, 카메라가 실제로 무엇을 주는지 getSettings()로 확인합니다.',
  },
  needs: ['camera'],
  goals: [
    {
      id: 'hd-frames',
      title: {
        en: 'The video element plays frames of at least 1280×720',
        ko: 'video 요소에서 1280×720 이상의 프레임이 재생되고 있다',
      },
      check: { kind: 'video-frames', element: 'video#local', minFrames: 20, minWidth: 1280, minHeight: 720 },
    },
  ],
});
