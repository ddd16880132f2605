/**
 * What the lessons say browsers do, each with the probe that observes it and what each named
 * browser must show. The browser facts tests run every probe in Chromium and Firefox, so a
 * browser update that changes a fact fails a test instead of leaving a wrong sentence; the claims
 * test checks that every lesson sentence naming a browser is one of these (or only names a tool).
 */
import type { ProbeId } from './browser-probes.ts';

export type BrowserName = 'chromium' | 'firefox';

export interface Said {
  /** The English page under src/content/docs, without extension; the Korean one is under ko/. */
  readonly page: string;
  /** Words of the sentence that makes the claim, as they stand in each language. */
  readonly en: string;
  readonly ko: string;
}

export interface BrowserFact {
  readonly probe: ProbeId;
  readonly said: readonly Said[];
  /** What each browser the sentences name must show; a browser they do not name is not probed. */
  readonly expect: Partial<Readonly<Record<BrowserName, unknown>>>;
  /** Where the probe runs: a page of the site (http://localhost), or a plain-http page at a LAN-like address. */
  readonly at?: 'site' | 'insecure-origin';
  /** Firefox prefs this fact needs: the suite's profile changes a default the claim is about. */
  readonly firefoxPrefs?: Readonly<Record<string, boolean | number | string>>;
  readonly timeoutMs?: number;
}

export const BROWSER_FACTS: readonly BrowserFact[] = [
  {
    probe: 'add-stream',
    said: [
      { page: 'connections/peer-connection', en: 'Chromium and Firefox still accept `addStream`', ko: 'Chromium과 Firefox에는 아직 `addStream`이 남아 있어' },
      { page: 'start/what-is-webrtc', en: 'Chromium and Firefox still accept `addStream`', ko: 'Chromium과 Firefox에는 아직 `addStream`이 남아 있어' },
    ],
    expect: { chromium: 'function', firefox: 'function' },
  },
  {
    probe: 'insecure-context',
    said: [
      { page: 'start/before-you-start', en: 'In an insecure context `navigator.mediaDevices` is simply `undefined`', ko: '보안 컨텍스트가 아니면 `navigator.mediaDevices`가 아예 `undefined`이고' },
      { page: 'start/what-is-webrtc', en: 'on `http://192.168.1.20:4321` for example, `navigator.mediaDevices` is `undefined`', ko: '`http://192.168.1.20:4321`에서는 `navigator.mediaDevices`가 `undefined`여서' },
    ],
    // A plain-http page at a non-loopback address (10.99.0.1 on the namespace's lo), like a LAN address.
    at: 'insecure-origin',
    expect: {
      chromium: { isSecureContext: false, mediaDevices: 'undefined', RTCPeerConnection: 'function' },
      firefox: { isSecureContext: false, mediaDevices: 'undefined', RTCPeerConnection: 'function' },
    },
  },
  {
    probe: 'insecure-context',
    said: [{ page: 'start/before-you-start', en: 'or a page served from your own machine at `http://localhost`', ko: '내 컴퓨터의 `http://localhost`(`127.0.0.1`, `[::1]` 포함)에서 제공되는 페이지를 뜻합니다' }],
    expect: {
      chromium: { isSecureContext: true, mediaDevices: 'object', RTCPeerConnection: 'function' },
      firefox: { isSecureContext: true, mediaDevices: 'object', RTCPeerConnection: 'function' },
    },
  },
  {
    probe: 'object-url-for-stream',
    said: [{ page: 'media/camera-and-microphone', en: 'Chromium and Firefox throw a `TypeError` there for a `MediaStream`', ko: 'Chromium과 Firefox는 `MediaStream`을 넘기면 `TypeError`를 던지니' }],
    expect: { chromium: 'TypeError', firefox: 'TypeError' },
  },
  {
    probe: 'default-camera-size',
    said: [{ page: 'media/camera-and-microphone', en: 'which in Chromium and Firefox is 640×480', ko: 'Chromium과 Firefox에서는 카메라가 지원하면 640×480' }],
    expect: { chromium: '640x480', firefox: '640x480' },
  },
  {
    probe: 'recorder-default-type',
    said: [{ page: 'media/snapshots-and-recording', en: '(Chromium picks `video/webm;codecs=vp8`, Firefox `video/webm; codecs=vp8`)', ko: '(Chromium은 `video/webm;codecs=vp8`을, Firefox는 `video/webm; codecs=vp8`을 고릅니다)' }],
    expect: { chromium: 'video/webm;codecs=vp8', firefox: 'video/webm; codecs=vp8' },
  },
  {
    probe: 'fake-microphone-level',
    said: [
      { page: 'media/camera-and-microphone', en: "Chromium's fake microphone, the one automated tests use, plays a beeping tone", ko: 'Chromium의 가짜 마이크는 목소리 대신 삐 소리를 내므로' },
      { page: 'media/camera-and-microphone', en: "Firefox's fake microphone plays a steady tone", ko: 'Firefox의 가짜 마이크는 끊이지 않는 일정한 소리를 내므로' },
    ],
    expect: { chromium: 'beeps', firefox: 'steady' },
  },
  {
    probe: 'datachannel-send-queue',
    said: [
      { page: 'connections/data-channels', en: '(16 MiB in Chromium): `send()` throws an `OperationError`', ko: '(Chromium에서는 16 MiB)' },
      { page: 'connections/data-channels', en: 'Firefox throws nothing and keeps queuing in memory (our test stops it at 64 MiB)', ko: 'Firefox는 예외 없이 계속 메모리에 쌓아 두므로(이 사이트의 테스트는 64 MiB에서 멈춥니다)' },
      {
        page: 'signaling/chat-and-files',
        en: 'In Chromium `send()` throws an `OperationError` once 16 MiB are queued; Firefox throws nothing and keeps queuing in memory.',
        ko: 'Chromium에서는 16 MiB가 쌓이면 `send()`가 `OperationError`를 던지고, Firefox는 예외 없이 메모리에 계속 쌓습니다.',
      },
    ],
    expect: { chromium: { thrown: 'OperationError', queuedMiB: 16 }, firefox: { thrown: 'none', queuedMiB: 64 } },
  },
  {
    probe: 'sctp-max-message-size',
    said: [
      {
        page: 'signaling/chat-and-files',
        en: 'Chromium offers 256 KiB (`a=max-message-size:262144`), Firefox 1 GiB',
        ko: 'Chromium은 256 KiB(`a=max-message-size:262144`), Firefox는 1 GiB',
      },
    ],
    expect: { chromium: { offered: 262144, agreed: 262144 }, firefox: { offered: 1073741823, agreed: 1073741823 } },
  },
  {
    probe: 'selected-candidate-pair-method',
    said: [{ page: 'connections/tuning-a-call', en: 'says the same in Chromium, but Firefox does not have it', ko: 'Firefox에는 이 메서드가 없어서' }],
    expect: { chromium: 'function', firefox: 'undefined' },
  },
  {
    probe: 'selected-pair-in-stats',
    said: [
      { page: 'debugging/overview', en: 'Chromium and Firefox both fill that field, and Firefox also marks the pair itself', ko: 'Chromium과 Firefox 모두 이 필드를 채우며, Firefox는 그 쌍 자체에도' },
      { page: 'debugging/overview', en: "`selected` is Firefox's non-standard flag", ko: '`selected`는 활성 후보 쌍에 붙는 Firefox 전용 비표준 플래그' },
    ],
    expect: { chromium: { transportSelectedPairId: true, pairsFlaggedSelected: 0 }, firefox: { transportSelectedPairId: true, pairsFlaggedSelected: 1 } },
  },
  {
    probe: 'ice-restart-states',
    said: [{ page: 'connections/tuning-a-call', en: 'In Chromium and Firefox, `iceConnectionState` stays `connected` throughout', ko: 'Chromium과 Firefox에서는 새 쌍이 넘겨받을 때까지' }],
    expect: {
      chromium: { newUfrag: true, changes: [], state: 'connected' },
      firefox: { newUfrag: true, changes: [], state: 'connected' },
    },
  },
  {
    probe: 'default-video-codec',
    said: [{ page: 'connections/tuning-a-call', en: 'In Chromium and Firefox that is VP8.', ko: 'Chromium과 Firefox에서는 VP8입니다.' }],
    expect: { chromium: 'video/VP8', firefox: 'video/VP8' },
  },
  {
    probe: 'host-candidates',
    said: [
      { page: 'nat/overview', en: 'and Firefox does by default', ko: 'Firefox는 기본 설정에서 그렇게 하며' },
      { page: 'nat/overview', en: 'Firefox shows real host addresses again to a page that has been granted camera', ko: 'Firefox는 카메라나 마이크 권한을 받은 페이지에는 다시 실제 host 주소를' },
    ],
    // Not claimed for Chromium: here it gathers only 127.0.0.1 (--allow-loopback-in-peer-connection),
    // which it never hides, and without that flag it gathers nothing, so its mDNS cannot be observed.
    expect: { firefox: { withoutMedia: 'mdns names', withCamera: 'addresses' } },
    // The suite's profile turns hiding off to get loopback candidates; this fact needs Firefox's default.
    firefoxPrefs: { 'media.peerconnection.ice.obfuscate_host_addresses': true },
  },
  {
    probe: 'unanswered-stun',
    said: [
      { page: 'connections/peer-connection', en: 'Chromium reports it only when it gives up on the server, about 40 seconds later', ko: 'Chromium은 그 서버를 포기하는 시점, 즉 40초쯤 지나서야' },
      { page: 'connections/peer-connection', en: 'Firefox gives up after about 10 seconds', ko: 'Firefox는 10초쯤 지나서 포기합니다' },
      { page: 'debugging/overview', en: 'Chromium and Firefox both fire the event, though not at the same moment', ko: 'Chromium과 Firefox 모두 이 이벤트를 보내지만 시점은 다릅니다' },
      { page: 'debugging/overview', en: 'reported after about 40 seconds in Chromium and about 10 in Firefox', ko: 'Chromium에서 40초쯤, Firefox에서 10초쯤 지나서 보고됩니다' },
    ],
    expect: {
      chromium: { errors: [{ code: 701, afterSeconds: 40 }], completeAfterSeconds: 40 },
      firefox: { errors: [{ code: 701, afterSeconds: 10 }], completeAfterSeconds: 10 },
    },
    timeoutMs: 90_000,
  },
];

/**
 * Lesson sentences that name a browser without saying what it does: its tools, its menus, or
 * which browsers this site tests. Words as they stand in each language.
 */
export const BROWSER_MENTIONS: Readonly<Record<'en' | 'ko', readonly string[]>> = {
  en: [
    'chrome://webrtc-internals',
    'edge://webrtc-internals',
    'about:webrtc',
    'Use an up-to-date Chromium-based browser (Chrome, Edge, Brave, Opera and friends) or Firefox.',
    "This site's tests run every lab in Chromium and Firefox; nothing here is tested in Safari",
    '(site information in Chromium, the permissions icon in Firefox)',
  ],
  ko: [
    'chrome://webrtc-internals',
    'edge://webrtc-internals',
    'about:webrtc',
    '최신 버전의 Chromium 계열 브라우저(Chrome, Edge, Brave, Opera 등)나 Firefox를 사용하십시오.',
    '이 사이트의 테스트는 모든 실습을 Chromium과 Firefox에서 돌려 확인하며, Safari에서는 확인하지 않으므로',
    '(Chromium에서는 사이트 정보, Firefox에서는 권한 아이콘)',
  ],
};

/**
 * Lesson sentences whose browser behaviour an end-to-end test asserts rather than a probe here:
 * the test file named beside them must exist and contain each `asserts` string (a test's title).
 */
export const E2E_CHECKED_CLAIMS: ReadonlyArray<{ readonly test: string; readonly asserts: string; readonly page: string; readonly en: string; readonly ko: string }> = [
  {
    test: 'tests/e2e/nat-simulated.test.ts',
    asserts: 'symmetric NAT: STUN alone never connects, STUN + TURN connects through the relay',
    page: 'nat/overview',
    en: 'runs a call between two Chromium browsers across it',
    ko: '그 사이로 Chromium 두 개가 통화하게 합니다',
  },
  {
    test: 'tests/e2e/turn-relay.test.ts',
    asserts: 'refuses the self-signed TLS certificate (701), and a wrong credential gets 401',
    page: 'nat/prove-the-relay',
    en: 'Chromium reports `icecandidateerror` 701; Firefox does the same for `turns:localhost` and skips a `turns:` URL with an IP address without a word.',
    ko: 'Chromium은 `icecandidateerror` 701을 보고합니다.',
  },
  {
    test: 'tests/e2e/turn-relay.test.ts',
    asserts: 'skips turns: to an IP silently; refuses the self-signed certificate by name (701)',
    page: 'nat/prove-the-relay',
    en: 'Firefox does the same for `turns:localhost`',
    ko: 'Firefox는 `turns:localhost`에서는 똑같이 701을 내고, IP 주소로 된 `turns:` URL은 아무 말 없이 건너뜁니다.',
  },
];

/** Names of browsers and engines: a lesson sentence with one says something about that browser. */
export const BROWSER_NAME = /\b(?:Chrome|Chromium|Firefox|Safari|Edge|Brave|Opera|WebKit|Gecko|Blink)\b/;
