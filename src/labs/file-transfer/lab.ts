import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Send a file with backpressure', ko: '배압을 지키며 파일 보내기' },
  summary: {
    en: 'Send a generated 1 MiB file in 16 KiB chunks, pausing while the send buffer is full, and compare SHA-256 hashes on both ends.',
    ko: '만들어 낸 1 MiB 파일을 16 KiB 조각으로 보내되 송신 버퍼가 차 있는 동안은 기다리고, 양쪽의 SHA-256 해시를 비교합니다.',
  },
  needs: [],
  goals: [
    {
      id: 'bytes-intact',
      title: {
        en: 'All 1 MiB arrived with the SHA-256 it was sent with',
        ko: '1 MiB 전체가 보낸 것과 같은 SHA-256으로 도착했다',
      },
      check: { kind: 'datachannel-bytes-intact', minBytes: 1048576 },
    },
  ],
});
