import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Mute, camera off, share the screen, hang up', ko: '음소거, 카메라 끄기, 화면 공유, 끊기' },
  summary: {
    en: 'Give the call its buttons: mute and camera off with track.enabled, the screen in place of the camera with replaceTrack, and a hang-up that ends the call on both sides.',
    ko: '통화에 버튼을 붙입니다. track.enabled로 음소거와 카메라 끄기를, replaceTrack으로 카메라 자리에 화면을 넣고, 양쪽에서 통화를 끝내는 끊기 버튼을 만듭니다.',
  },
  needs: ['camera', 'microphone', 'screen', 'pairing'],
  goals: [
    {
      id: 'call',
      title: { en: 'Your partner’s video plays in video#remote', ko: '짝의 영상이 video#remote에서 재생된다' },
      check: { kind: 'video-frames', element: 'video#remote', minFrames: 20 },
    },
    {
      id: 'screen-sent',
      title: { en: 'The call sends your screen instead of the camera', ko: '통화가 카메라 대신 화면을 보낸다' },
      check: { kind: 'sender-track', source: 'getDisplayMedia', media: 'video' },
    },
    {
      id: 'hung-up',
      title: { en: 'Hanging up stopped your camera', ko: '끊기가 내 카메라를 멈췄다' },
      check: { kind: 'track-ended', source: 'getUserMedia', media: 'video', cause: 'stop' },
    },
    {
      id: 'partner-closed',
      title: { en: 'The call is closed in your partner’s tab too', ko: '짝의 탭에서도 통화가 닫혔다' },
      check: { kind: 'connection-state', state: 'closed' },
      of: 'partner',
    },
  ],
  steps: [
    { click: '#screen', after: 'call' },
    { click: '#hangup', after: 'screen-sent' },
  ],
});
