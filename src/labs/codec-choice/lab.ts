import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Choose the video codec', ko: '비디오 코덱 고르기' },
  summary: {
    en: 'Reorder the codecs the browser can receive so VP9 comes first, hand the list to setCodecPreferences, and see which codec the call uses.',
    ko: '브라우저가 받을 수 있는 코덱 목록에서 VP9를 맨 앞으로 옮겨 setCodecPreferences에 건네고, 통화가 실제로 어떤 코덱을 쓰는지 확인합니다.',
  },
  needs: ['camera'],
  goals: [
    {
      id: 'vp9',
      title: { en: 'The video is sent as VP9', ko: '비디오가 VP9로 전송되고 있다' },
      check: { kind: 'codec', media: 'video', direction: 'outbound', mimeType: 'video/VP9' },
    },
  ],
});
