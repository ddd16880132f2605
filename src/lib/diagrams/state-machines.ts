/**
 * RTCPeerConnection's connectionState and signalingState as hand-placed graphs, plus the two
 * ICE state properties as notes. Positions are in each graph's own viewBox units; state names
 * and API calls are the same in both languages (they are API values), everything else is
 * written for each language.
 */
import type { Box, Point } from './geometry.ts';
import type { Localized } from './text.ts';

export interface StateNode {
  state: string;
  box: Box;
  /** How the state reads at a glance: working, broken, finished, or in between (no tone). */
  tone?: 'up' | 'down' | 'end';
  /** Rarely seen (the pranswer states): drawn lighter. */
  minor?: boolean;
  note: Localized;
}

export interface EdgeLabel {
  /** API text, one line each; the same in every language. */
  lines: readonly string[];
  at: Point;
  anchor: 'start' | 'middle' | 'end';
}

export interface StateEdge {
  /** `'*'`: from any state. */
  from: string;
  to: string;
  points: readonly Point[];
  label?: EdgeLabel;
  minor?: boolean;
}

export interface StateMachine {
  property: 'connectionState' | 'signalingState';
  /** Answers "what does this property tell me?" in a few words. */
  subtitle: Localized;
  /** The whole graph in words, for the SVG's accessible name. */
  inWords: Localized;
  width: number;
  height: number;
  nodes: readonly StateNode[];
  edges: readonly StateEdge[];
  /** Where the words "from any state" sit, left of the arrow into `closed`. */
  anyStateAt: Point;
}

const ANY_STATE: Localized = { en: 'from any state', ko: '어느 상태에서든' };

const wide = (x: number, y: number): Box => ({ x, y, width: 190, height: 36 });
const narrow = (x: number, y: number): Box => ({ x, y, width: 130, height: 36 });

export const CONNECTION_STATE: StateMachine = {
  property: 'connectionState',
  subtitle: { en: 'is the connection up?', ko: '연결이 살아 있는가' },
  inWords: {
    en: 'new goes to connecting when ICE checks begin. connecting goes to connected when a candidate pair works, or to failed. connected goes to disconnected when checks stop getting answers, and back to connected when they resume; disconnected may go on to failed. failed goes back to connecting after restartIce(). From any state, close() leads to closed.',
    ko: 'new는 ICE 검사가 시작되면 connecting이 됩니다. connecting은 후보 쌍이 동작하면 connected로, 끝내 동작하지 않으면 failed로 갑니다. connected는 검사에 응답이 끊기면 disconnected가 되고 응답이 돌아오면 다시 connected가 됩니다. disconnected에서 failed로 넘어가기도 합니다. failed는 restartIce() 뒤에 다시 connecting이 됩니다. 어느 상태에서든 close()를 부르면 closed가 됩니다.',
  },
  width: 400,
  height: 316,
  nodes: [
    {
      state: 'new',
      box: narrow(90, 30),
      note: { en: 'Just created: nothing checked yet.', ko: '막 만들어진 상태입니다. 아직 아무것도 검사하지 않았습니다.' },
    },
    {
      state: 'connecting',
      box: narrow(90, 120),
      note: {
        en: 'ICE is checking candidate pairs, or DTLS is setting up encryption.',
        ko: 'ICE가 후보 쌍을 검사하거나 DTLS가 암호화를 준비하고 있습니다.',
      },
    },
    {
      state: 'connected',
      box: narrow(90, 210),
      tone: 'up',
      note: { en: 'A pair works and DTLS is done: media and data flow.', ko: '동작하는 쌍을 찾았고 DTLS도 끝났습니다. 미디어와 데이터가 흐릅니다.' },
    },
    {
      state: 'disconnected',
      box: narrow(310, 210),
      note: {
        en: 'Checks stopped getting answers. Often a network blip that recovers by itself.',
        ko: '검사에 응답이 끊겼습니다. 잠깐의 네트워크 문제라면 저절로 회복되기도 합니다.',
      },
    },
    {
      state: 'failed',
      box: narrow(310, 120),
      tone: 'down',
      note: {
        en: 'No pair works any more, or DTLS failed. Only an ICE restart (`restartIce()`) brings it back.',
        ko: '동작하는 쌍이 더는 없거나 DTLS가 실패했습니다. ICE 재시작(`restartIce()`)으로만 되살릴 수 있습니다.',
      },
    },
    {
      state: 'closed',
      box: narrow(310, 286),
      tone: 'end',
      note: { en: '`close()` was called. Final: it never opens again.', ko: '`close()`를 불렀습니다. 마지막 상태이며 다시 열리지 않습니다.' },
    },
  ],
  edges: [
    { from: 'new', to: 'connecting', points: [[90, 48], [90, 102]] },
    { from: 'connecting', to: 'connected', points: [[90, 138], [90, 192]] },
    { from: 'connecting', to: 'failed', points: [[155, 112], [245, 112]] },
    {
      from: 'failed',
      to: 'connecting',
      points: [[245, 128], [155, 128]],
      label: { lines: ['restartIce()'], at: [200, 150], anchor: 'middle' },
    },
    { from: 'connected', to: 'disconnected', points: [[155, 202], [245, 202]] },
    { from: 'disconnected', to: 'connected', points: [[245, 218], [155, 218]] },
    { from: 'disconnected', to: 'failed', points: [[310, 192], [310, 138]] },
    {
      from: '*',
      to: 'closed',
      points: [[150, 286], [245, 286]],
      label: { lines: ['close()'], at: [197, 278], anchor: 'middle' },
    },
  ],
  anyStateAt: [140, 290],
};

export const SIGNALING_STATE: StateMachine = {
  property: 'signalingState',
  subtitle: { en: 'where the offer/answer exchange stands', ko: 'offer/answer 교환이 어디까지 왔는가' },
  inWords: {
    en: 'From stable, setLocalDescription(offer) leads to have-local-offer, and setRemoteDescription(answer) back to stable. From stable, setRemoteDescription(offer) leads to have-remote-offer, and setLocalDescription(answer) back to stable. Drawn lighter, the provisional answers: have-local-offer goes to have-remote-pranswer with setRemoteDescription(pranswer), then to stable with the final answer; have-remote-offer goes to have-local-pranswer with setLocalDescription(pranswer), then to stable with the final answer. From any state, close() leads to closed.',
    ko: 'stable에서 setLocalDescription(offer)를 부르면 have-local-offer가 되고, setRemoteDescription(answer)로 다시 stable이 됩니다. stable에서 setRemoteDescription(offer)를 부르면 have-remote-offer가 되고, setLocalDescription(answer)로 다시 stable이 됩니다. 흐리게 그린 것은 임시 answer(pranswer)입니다. have-local-offer는 setRemoteDescription(pranswer)로 have-remote-pranswer가 되었다가 최종 answer로 stable이 되고, have-remote-offer는 setLocalDescription(pranswer)로 have-local-pranswer가 되었다가 최종 answer로 stable이 됩니다. 어느 상태에서든 close()를 부르면 closed가 됩니다.',
  },
  width: 400,
  height: 492,
  nodes: [
    {
      state: 'stable',
      box: { x: 200, y: 210, width: 110, height: 36 },
      tone: 'up',
      note: {
        en: 'No exchange in progress: the last offer was answered, or none was made yet.',
        ko: '진행 중인 교환이 없습니다. 마지막 offer에 answer가 왔거나 아직 offer가 없었습니다.',
      },
    },
    {
      state: 'have-local-offer',
      box: wide(200, 120),
      note: {
        en: 'This side applied its own offer and waits for the answer (a rollback returns it to stable).',
        ko: '자기 offer를 적용하고 answer를 기다립니다. rollback하면 stable로 돌아갑니다.',
      },
    },
    {
      state: 'have-remote-offer',
      box: wide(200, 300),
      note: {
        en: 'This side applied the other side’s offer and owes an answer.',
        ko: '상대의 offer를 적용했고 이제 answer를 만들어 보내야 합니다.',
      },
    },
    {
      state: 'have-remote-pranswer',
      box: wide(200, 30),
      minor: true,
      note: {
        en: 'The other side sent a provisional answer; its final answer is still to come. Rare outside telephone gateways.',
        ko: '상대가 임시 answer를 보냈고 최종 answer는 아직 오지 않았습니다. 전화망 게이트웨이가 아니면 보기 드뭅니다.',
      },
    },
    {
      state: 'have-local-pranswer',
      box: wide(200, 390),
      minor: true,
      note: {
        en: 'This side applied a provisional answer of its own; the final one follows.',
        ko: '이쪽이 임시 answer를 적용했고 최종 answer가 뒤따릅니다.',
      },
    },
    {
      state: 'closed',
      box: narrow(310, 462),
      tone: 'end',
      note: { en: '`close()` was called.', ko: '`close()`를 불렀습니다.' },
    },
  ],
  edges: [
    {
      from: 'stable',
      to: 'have-local-offer',
      points: [[175, 192], [175, 138]],
      label: { lines: ['setLocalDescription', '(offer)'], at: [167, 161], anchor: 'end' },
    },
    {
      from: 'have-local-offer',
      to: 'stable',
      points: [[225, 138], [225, 192]],
      label: { lines: ['setRemoteDescription', '(answer)'], at: [233, 161], anchor: 'start' },
    },
    {
      from: 'stable',
      to: 'have-remote-offer',
      points: [[175, 228], [175, 282]],
      label: { lines: ['setRemoteDescription', '(offer)'], at: [167, 251], anchor: 'end' },
    },
    {
      from: 'have-remote-offer',
      to: 'stable',
      points: [[225, 282], [225, 228]],
      label: { lines: ['setLocalDescription', '(answer)'], at: [233, 251], anchor: 'start' },
    },
    {
      from: 'have-local-offer',
      to: 'have-remote-pranswer',
      points: [[200, 102], [200, 48]],
      label: { lines: ['setRemoteDescription', '(pranswer)'], at: [210, 71], anchor: 'start' },
      minor: true,
    },
    {
      from: 'have-remote-pranswer',
      to: 'stable',
      points: [[105, 30], [14, 30], [14, 202], [145, 202]],
      label: { lines: ['(answer)'], at: [24, 196], anchor: 'start' },
      minor: true,
    },
    {
      from: 'have-remote-offer',
      to: 'have-local-pranswer',
      points: [[200, 318], [200, 372]],
      label: { lines: ['setLocalDescription', '(pranswer)'], at: [210, 341], anchor: 'start' },
      minor: true,
    },
    {
      from: 'have-local-pranswer',
      to: 'stable',
      points: [[105, 390], [14, 390], [14, 218], [145, 218]],
      label: { lines: ['(answer)'], at: [24, 233], anchor: 'start' },
      minor: true,
    },
    {
      from: '*',
      to: 'closed',
      points: [[150, 462], [245, 462]],
      label: { lines: ['close()'], at: [197, 454], anchor: 'middle' },
    },
  ],
  anyStateAt: [140, 466],
};

export const STATE_MACHINES: readonly StateMachine[] = [CONNECTION_STATE, SIGNALING_STATE];

/** The two ICE properties, too fine-grained to be worth a graph: one line a state. */
export interface StateTable {
  property: 'iceGatheringState' | 'iceConnectionState';
  subtitle: Localized;
  rows: readonly { state: string; note: Localized }[];
}

export const ICE_STATE_TABLES: readonly StateTable[] = [
  {
    property: 'iceGatheringState',
    subtitle: { en: 'finding this side’s candidates', ko: '이쪽 후보 찾기' },
    rows: [
      { state: 'new', note: { en: 'Nothing gathered yet.', ko: '아직 모으지 않았습니다.' } },
      {
        state: 'gathering',
        note: { en: 'Collecting candidates; each one fires `icecandidate`.', ko: '후보를 모으는 중이며 후보마다 `icecandidate`가 발생합니다.' },
      },
      {
        state: 'complete',
        note: {
          en: 'Done: the last `icecandidate` event carries a `null` candidate.',
          ko: '다 모았습니다. 마지막 `icecandidate` 이벤트의 candidate는 `null`입니다.',
        },
      },
    ],
  },
  {
    property: 'iceConnectionState',
    subtitle: { en: 'ICE alone, without DTLS', ko: 'DTLS를 뺀 ICE만의 상태' },
    rows: [
      { state: 'new', note: { en: 'Waiting for candidates.', ko: '후보를 기다리고 있습니다.' } },
      { state: 'checking', note: { en: 'Testing candidate pairs.', ko: '후보 쌍을 검사하고 있습니다.' } },
      { state: 'connected', note: { en: 'A usable pair was found; checks may go on.', ko: '쓸 수 있는 쌍을 찾았습니다. 검사는 계속될 수 있습니다.' } },
      { state: 'completed', note: { en: 'Checking finished and a pair was chosen.', ko: '검사가 끝났고 쌍이 정해졌습니다.' } },
      { state: 'disconnected', note: { en: 'The pair stopped answering; it may recover.', ko: '쌍이 응답하지 않습니다. 회복될 수도 있습니다.' } },
      { state: 'failed', note: { en: 'No pair works; an ICE restart is needed.', ko: '동작하는 쌍이 없습니다. ICE 재시작이 필요합니다.' } },
      { state: 'closed', note: { en: 'The connection was closed.', ko: '연결이 닫혔습니다.' } },
    ],
  },
];

export const STATE_MACHINES_TEXT = {
  caption: {
    en: 'The state machines of an RTCPeerConnection, as `connectionstatechange` and `signalingstatechange` report them. Lighter boxes and dashed arrows: states you will rarely meet.',
    ko: 'RTCPeerConnection의 상태 기계입니다. `connectionstatechange`와 `signalingstatechange` 이벤트가 이 상태 변화를 알려 줍니다. 흐린 상자와 점선 화살표는 보기 드문 상태입니다.',
  },
  anyState: ANY_STATE,
  iceHeading: { en: 'The ICE states, in short', ko: 'ICE 상태 한눈에 보기' },
  stateColumn: { en: 'state', ko: '상태' },
  meaningColumn: { en: 'meaning', ko: '뜻' },
} as const satisfies Record<string, Localized>;
