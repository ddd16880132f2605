import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'When no camera fits: OverconstrainedError', ko: '맞는 카메라가 없을 때: OverconstrainedError' },
  summary: {
    en: 'Catch the OverconstrainedError of an impossible request, name the constraint that failed, and fall back to a camera that works.',
    ko: '불가능한 요청이 던지는 OverconstrainedError를 잡아 실패한 제약 조건을 알려 주고, 동작하는 카메라로 물러섭니다.',
  },
  needs: ['camera'],
  goals: [
    {
      id: 'handled',
      title: {
        en: 'The OverconstrainedError was caught, not left uncaught',
        ko: 'OverconstrainedError를 잡아서 처리했다',
      },
      check: { kind: 'media-error-handled', name: 'OverconstrainedError' },
    },
    {
      id: 'fallback',
      title: { en: 'The fallback camera is playing in the video element', ko: '대신 연 카메라가 video 요소에서 재생되고 있다' },
      check: { kind: 'video-frames', element: 'video#local', minFrames: 20 },
    },
  ],
});
