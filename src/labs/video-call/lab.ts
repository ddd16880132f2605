import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'A video call between two tabs', ko: '두 탭 사이의 영상 통화' },
  summary: {
    en: 'Join a room through the site’s broker, call the partner tab with your camera, and play the video it sends back.',
    ko: '사이트의 브로커를 거쳐 방에 들어가, 짝 탭에 카메라 영상으로 전화를 걸고 돌아오는 영상을 재생합니다.',
  },
  needs: ['camera', 'microphone', 'pairing'],
  goals: [
    {
      id: 'partner-video',
      title: { en: 'Your partner’s video plays in video#remote here', ko: '짝의 영상이 이 탭의 video#remote에서 재생된다' },
      check: { kind: 'video-frames', element: 'video#remote', minFrames: 20 },
    },
    {
      id: 'seen-by-partner',
      title: { en: 'Your video plays in your partner’s tab', ko: '내 영상이 짝의 탭에서 재생된다' },
      check: { kind: 'video-frames', element: 'video#remote', minFrames: 20 },
      of: 'partner',
    },
  ],
});
