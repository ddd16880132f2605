import { defineLab } from '../../lib/lab-schema.ts';

export default defineLab({
  title: { en: 'Channel options: unordered, unreliable, negotiated', ko: '채널 옵션: 순서 없음, 재전송 없음, 미리 합의한 채널' },
  summary: {
    en: 'Create an unordered channel that never retransmits, and a negotiated channel with id 5 that both peers create themselves.',
    ko: '순서를 지키지 않고 재전송도 하지 않는 채널과, 두 피어가 각자 만드는 id 5의 negotiated 채널을 만듭니다.',
  },
  needs: [],
  goals: [
    {
      id: 'unreliable-config',
      title: {
        en: 'The "positions" channel is unordered with maxRetransmits 0',
        ko: '"positions" 채널이 순서 없음(ordered: false), maxRetransmits 0으로 만들어졌다',
      },
      check: { kind: 'datachannel-config', label: 'positions', ordered: false, maxRetransmits: 0 },
    },
    {
      id: 'unreliable-open',
      title: { en: 'The "positions" channel opened', ko: '"positions" 채널이 열렸다' },
      check: { kind: 'datachannel-open', label: 'positions' },
    },
    {
      id: 'negotiated-config',
      title: { en: 'The "control" channel is negotiated with id 5', ko: '"control" 채널이 negotiated, id 5로 만들어졌다' },
      check: { kind: 'datachannel-config', label: 'control', negotiated: true, id: 5 },
    },
    {
      id: 'negotiated-open',
      title: { en: 'The "control" channel opened', ko: '"control" 채널이 열렸다' },
      check: { kind: 'datachannel-open', label: 'control' },
    },
  ],
});
