import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Perfect negotiation between two tabs', ko: '두 탭 사이의 완벽한 협상(perfect negotiation)' },
  summary: {
    en: 'Both tabs offer at once. Handle the offers and candidates arriving on the room’s plain channel so that the polite tab yields and the connection comes up anyway.',
    ko: '두 탭이 동시에 offer를 보냅니다. 방의 평범한 메시지 채널로 들어오는 offer와 후보를 처리해, 공손한 탭이 양보하고도 연결이 이루어지게 합니다.',
  },
  needs: ['pairing'],
  goals: [
    {
      id: 'connected',
      title: { en: 'This tab’s peer connection is connected', ko: '이 탭의 피어 연결이 connected 상태가 되었다' },
      check: { kind: 'connection-state', state: 'connected' },
    },
    {
      id: 'message',
      title: { en: '"hello from the guest" arrived here on a data channel', ko: '"hello from the guest"가 데이터 채널로 이 탭에 도착했다' },
      check: { kind: 'datachannel-message', text: 'hello from the guest' },
    },
    {
      id: 'partner-message',
      title: { en: '"hello from the host" arrived in the partner’s tab', ko: '"hello from the host"가 짝의 탭에 도착했다' },
      check: { kind: 'datachannel-message', text: 'hello from the host' },
      of: 'partner',
    },
  ],
});
