/**
 * The offer/answer sequence of the one-page call (src/labs/one-page-call), as data: the
 * component draws it, the test reads it. One declaration, both languages.
 */
import type { Localized } from './text.ts';

export type Side = 'caller' | 'callee';

/** The states the sequence passes through; the pranswer states belong to the state-machine diagram. */
export type SequenceSignalingState = 'stable' | 'have-local-offer' | 'have-remote-offer';

export type SequenceStep =
  /** A method called on one side's RTCPeerConnection, and the signalingState it leaves behind. */
  | { kind: 'call'; side: Side; call: string; state?: SequenceSignalingState; note: Localized; minor?: boolean }
  /** A description carried from one side to the other through signaling. */
  | { kind: 'description'; from: Side; what: 'offer' | 'answer' }
  /** Trickle ICE: candidates found on one side, handed to the other while the exchange goes on. */
  | { kind: 'candidates'; from: Side }
  /** The end: a direct path between the two sides. */
  | { kind: 'connected' };

export const OFFER_ANSWER_STEPS: readonly SequenceStep[] = [
  {
    kind: 'call',
    side: 'caller',
    call: 'addTrack(track, stream)',
    note: { en: 'the camera’s track will go into the offer', ko: '카메라 트랙을 offer에 싣습니다' },
    minor: true,
  },
  {
    kind: 'call',
    side: 'caller',
    call: 'createOffer()',
    state: 'stable',
    note: { en: 'describes what this side will send and receive', ko: '이쪽이 보내고 받을 미디어를 기술합니다' },
  },
  {
    kind: 'call',
    side: 'caller',
    call: 'setLocalDescription(offer)',
    state: 'have-local-offer',
    note: { en: 'the caller starts gathering ICE candidates', ko: 'caller가 ICE 후보를 모으기 시작합니다' },
  },
  { kind: 'description', from: 'caller', what: 'offer' },
  {
    kind: 'call',
    side: 'callee',
    call: 'setRemoteDescription(offer)',
    state: 'have-remote-offer',
    note: { en: 'the `track` event fires here, before any frame arrives', ko: '여기서 `track` 이벤트가 발생합니다. 프레임은 아직 오지 않았습니다' },
  },
  { kind: 'candidates', from: 'caller' },
  {
    kind: 'call',
    side: 'callee',
    call: 'createAnswer()',
    state: 'have-remote-offer',
    note: { en: 'answers within what the offer allows', ko: 'offer가 허용하는 범위 안에서 답을 만듭니다' },
  },
  {
    kind: 'call',
    side: 'callee',
    call: 'setLocalDescription(answer)',
    state: 'stable',
    note: { en: 'the callee starts gathering ICE candidates', ko: 'callee도 ICE 후보를 모으기 시작합니다' },
  },
  { kind: 'description', from: 'callee', what: 'answer' },
  { kind: 'candidates', from: 'callee' },
  {
    kind: 'call',
    side: 'caller',
    call: 'setRemoteDescription(answer)',
    state: 'stable',
    note: { en: 'both sides now agree on the session', ko: '이제 두 쪽이 세션에 합의했습니다' },
  },
  { kind: 'connected' },
];

/** Every word of the diagram that is not an API name. */
export const OFFER_ANSWER_TEXT = {
  caption: {
    en: 'Offer and answer in the one-page call. `caller` and `callee` are two RTCPeerConnection objects in the same page, so the “signaling” between them is just a variable. Beside each step: the `signalingState` that side is in afterwards. ICE candidates trickle across both ways while the descriptions are still being exchanged.',
    ko: '한 페이지 통화의 offer/answer 흐름입니다. `caller`와 `callee`는 같은 페이지에 있는 RTCPeerConnection 두 개라서, 둘 사이의 ‘시그널링’은 변수 하나를 넘기는 것이 전부입니다. 각 단계 옆에는 그 단계를 마친 쪽의 `signalingState`를 적었습니다. description을 주고받는 동안에도 ICE 후보는 양쪽으로 조금씩(trickle) 건너갑니다.',
  },
  footnote: {
    en: '`setLocalDescription()` with no argument creates the offer (or the answer) and applies it in one step; the lab’s code uses that form.',
    ko: '`setLocalDescription()`을 인자 없이 부르면 offer(또는 answer)를 만들고 적용하는 일을 한 번에 합니다. 실습 코드는 이 형태를 씁니다.',
  },
  caller: { en: 'makes the offer', ko: 'offer를 만드는 쪽' },
  callee: { en: 'answers it', ko: 'answer로 답하는 쪽' },
  signaling: { en: 'signaling', ko: '시그널링' },
  signalingHere: { en: 'here: a variable', ko: '여기서는 변수 하나' },
  sends: { en: '{{from}} sends the {{what}} to {{to}} through signaling', ko: '{{from}}가 시그널링으로 {{to}}에게 {{what}}를 보냅니다' },
  candidates: { en: 'ICE candidates, in parallel', ko: 'ICE 후보, 동시에 진행' },
  candidatesFrom: {
    en: '{{from}}’s candidates trickle to {{to}}: each `icecandidate` event → `addIceCandidate(candidate)` on {{to}}',
    ko: '{{from}}의 후보가 {{to}}에게 건너갑니다. `icecandidate` 이벤트마다 {{to}}에서 `addIceCandidate(candidate)`',
  },
  stateLabel: { en: 'signalingState', ko: 'signalingState' },
  connected: { en: 'connectionState: `connected`', ko: 'connectionState: `connected`' },
  connectedNote: {
    en: 'Media and data now flow directly between the two peers, not through signaling.',
    ko: '이제 미디어와 데이터는 시그널링을 거치지 않고 두 피어 사이를 직접 오갑니다.',
  },
} as const satisfies Record<string, Localized>;
