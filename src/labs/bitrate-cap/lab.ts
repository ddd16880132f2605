import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Cap the video bitrate', ko: '비디오 비트레이트 제한하기' },
  summary: {
    en: 'Limit what the camera call sends with RTCRtpSender.setParameters and watch the measured bitrate settle under the cap.',
    ko: 'RTCRtpSender.setParameters로 카메라 통화가 보내는 양을 제한하고, 측정한 비트레이트가 상한 아래로 내려오는 것을 지켜봅니다.',
  },
  needs: ['camera'],
  goals: [
    {
      id: 'under-cap',
      title: {
        en: 'Video is sent, at no more than 300 kbit/s, for 5 seconds in a row',
        ko: '비디오가 5초 동안 계속 300 kbit/s 이하로 전송되었다',
      },
      check: { kind: 'outbound-bitrate', media: 'video', maxBps: 300000 },
      mode: 'throughout',
      windowMs: 5000,
    },
  ],
});
