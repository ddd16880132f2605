import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Two PeerJS peers through the site’s broker', ko: '사이트의 브로커를 거치는 두 PeerJS 피어' },
  summary: {
    en: 'Register two PeerJS peers with the PeerServer at /peerjs on this site, connect one to the other, and send a message over the data connection.',
    ko: '이 사이트의 /peerjs에 있는 PeerServer에 PeerJS 피어 두 개를 등록하고, 한쪽에서 다른 쪽으로 연결해 데이터 연결로 메시지를 보냅니다.',
  },
  needs: [],
  goals: [
    {
      id: 'open',
      title: { en: 'The data connection opened', ko: '데이터 연결이 열렸다' },
      check: { kind: 'datachannel-open' },
    },
    {
      id: 'message',
      title: { en: 'The message "hello through the broker" arrived', ko: '메시지 "hello through the broker"가 도착했다' },
      check: { kind: 'datachannel-message', text: 'hello through the broker' },
    },
  ],
});
