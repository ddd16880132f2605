import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'A data channel between two peer connections', ko: '두 피어 연결 사이의 데이터 채널' },
  summary: {
    en: 'Connect two RTCPeerConnections in one page and send a message over an RTCDataChannel.',
    ko: '한 페이지 안의 두 RTCPeerConnection을 연결하고 RTCDataChannel로 메시지를 보냅니다.',
  },
  needs: [],
  goals: [
    {
      id: 'open',
      title: { en: 'The data channel opened', ko: '데이터 채널이 열렸다' },
      check: { kind: 'datachannel-open' },
    },
    {
      id: 'message',
      title: { en: 'The message "hello, peer" arrived at the other end', ko: '메시지 "hello, peer"가 반대편에 도착했다' },
      check: { kind: 'datachannel-message', text: 'hello, peer' },
    },
  ],
});
