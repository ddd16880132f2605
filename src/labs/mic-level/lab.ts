import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'A microphone level meter', ko: '마이크 음량 미터' },
  summary: {
    en: 'Feed the microphone into an AudioContext, measure it with an AnalyserNode, and show the level in a <meter>.',
    ko: '마이크를 AudioContext에 연결하고 AnalyserNode로 측정해, 그 음량을 <meter>에 보여 줍니다.',
  },
  needs: ['microphone'],
  goals: [
    {
      id: 'moves',
      title: { en: 'The level meter follows the microphone', ko: '음량 미터가 마이크 소리를 따라 움직인다' },
      check: { kind: 'element-value-moves', element: '#level', minChanges: 5 },
    },
  ],
});
