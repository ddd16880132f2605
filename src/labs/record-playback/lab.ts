import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Record three seconds and play them back', ko: '3초 녹화하고 다시 보기' },
  summary: {
    en: 'Record the camera with MediaRecorder, turn the chunks into a Blob, and play it back from a blob: URL.',
    ko: 'MediaRecorder로 카메라를 녹화하고, 모은 조각을 Blob으로 만들어 blob: URL로 재생합니다.',
  },
  needs: ['camera'],
  goals: [
    {
      id: 'played',
      title: { en: 'At least 2 seconds of the recording played back', ko: '녹화본이 2초 이상 재생되었다' },
      check: { kind: 'recording-played', minSeconds: 2 },
    },
  ],
});
