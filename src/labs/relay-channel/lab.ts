import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'A data channel through your own TURN server', ko: '내 TURN 서버를 거치는 데이터 채널' },
  summary: {
    en: 'Connect two RTCPeerConnections through the local coturn only (relay candidates on both ends), send 1 MiB over a data channel, and read the selected candidate pair.',
    ko: '두 RTCPeerConnection을 로컬 coturn으로만(양쪽 모두 relay 후보) 연결하고, 데이터 채널로 1 MiB를 보낸 뒤 선택된 후보 쌍을 읽어 봅니다.',
  },
  needs: ['turn'],
  goals: [
    {
      id: 'relay-pair',
      title: {
        en: 'The selected candidate pair is relay ↔ relay: every packet goes through coturn',
        ko: '선택된 후보 쌍이 relay ↔ relay다. 모든 패킷이 coturn을 거친다',
      },
      check: { kind: 'ice-selected-pair', localType: 'relay', remoteType: 'relay' },
    },
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
