import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Share a photo with the partner tab', ko: '짝 탭에 사진 보내기' },
  summary: {
    en: 'Snap the camera into a canvas, encode it as a JPEG, and send it over a data channel in 16 KiB chunks, pausing while the send buffer is full. The partner tab reassembles the chunks and draws the photo.',
    ko: '카메라 화면을 canvas에 찍어 JPEG로 인코딩하고, 데이터 채널로 16 KiB씩 나눠 보내되 송신 버퍼가 차 있는 동안은 기다립니다. 짝 탭은 조각을 다시 모아 사진을 그립니다.',
  },
  needs: ['camera', 'pairing'],
  goals: [
    {
      id: 'channel-open',
      title: { en: 'The "photos" data channel is open in this tab', ko: '이 탭에서 "photos" 데이터 채널이 열렸다' },
      check: { kind: 'datachannel-open', label: 'photos' },
    },
    {
      id: 'snapshot',
      title: { en: 'Your snapshot is in canvas#snapshot here', ko: '찍은 사진이 이 탭의 canvas#snapshot에 있다' },
      check: { kind: 'canvas-image', element: 'canvas#snapshot' },
    },
    {
      id: 'photo-shown',
      title: { en: 'The photo is drawn on canvas#received in the partner’s tab', ko: '짝의 탭에서 사진이 canvas#received에 그려졌다' },
      check: { kind: 'canvas-image', element: 'canvas#received' },
      of: 'partner',
    },
  ],
  steps: [{ click: '#send', after: 'channel-open' }],
});
