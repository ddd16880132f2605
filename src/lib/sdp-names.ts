/**
 * What the names inside SDP lines mean: codecs (a=rtpmap), RTP header extensions (a=extmap),
 * RTCP feedback (a=rtcp-fb) and ICE options, in English and Korean. A name not listed here is
 * shown as it is written.
 */
import { both, type Localized } from './sdp-context.ts';

/** By codec name in lower case, as a=rtpmap writes it: one sentence on what the codec is for. */
export const CODECS: Readonly<Record<string, Localized>> = {
  vp8: both('A video codec every WebRTC browser must support.', '모든 WebRTC 브라우저가 지원해야 하는 비디오 코덱입니다.'),
  vp9: both('A video codec that compresses better than VP8, at the cost of more CPU.', 'VP8보다 압축률이 높은 대신 CPU를 더 쓰는 비디오 코덱입니다.'),
  av1: both('The newest royalty-free video codec, which compresses better still.', '가장 최근에 나온 로열티 없는 비디오 코덱으로, 압축률이 더 높습니다.'),
  h264: both('A video codec every WebRTC browser must support, often encoded in hardware.', '모든 WebRTC 브라우저가 지원해야 하는 비디오 코덱으로, 하드웨어로 인코딩하는 경우가 많습니다.'),
  h265: both('A video codec (HEVC) that compresses better than H.264.', 'H.264보다 압축률이 높은 비디오 코덱(HEVC)입니다.'),
  opus: both('The audio codec WebRTC calls use by default.', 'WebRTC 통화가 기본으로 쓰는 오디오 코덱입니다.'),
  red: both('Redundant coding: each packet also carries a copy of earlier data, so losing one packet loses nothing.', '중복 전송: 패킷마다 앞선 데이터의 사본을 함께 실어서, 패킷 하나를 잃어도 빠지는 데이터가 없습니다.'),
  ulpfec: both('Forward error correction: extra packets from which lost ones can be rebuilt.', '순방향 오류 정정: 잃어버린 패킷을 복원할 수 있는 추가 패킷을 보냅니다.'),
  'flexfec-03': both('Forward error correction: extra packets from which lost ones can be rebuilt.', '순방향 오류 정정: 잃어버린 패킷을 복원할 수 있는 추가 패킷을 보냅니다.'),
  rtx: both('Retransmission: lost packets are sent again under this payload type.', '재전송: 잃어버린 패킷을 이 페이로드 타입으로 다시 보냅니다.'),
  cn: both('Comfort noise: quiet background noise played while the other side is silent.', '컴포트 노이즈: 상대가 말이 없는 동안 작은 배경 소음을 들려줍니다.'),
  'telephone-event': both('The keypad tones (DTMF) that RTCDTMFSender sends.', 'RTCDTMFSender가 보내는 전화 키패드 신호음(DTMF)입니다.'),
  pcmu: both('G.711 μ-law, the classic telephone codec.', '전통적인 전화 코덱인 G.711 μ-law입니다.'),
  pcma: both('G.711 A-law, the classic telephone codec.', '전통적인 전화 코덱인 G.711 A-law입니다.'),
  g722: both('Wideband telephone audio.', '광대역 전화 음성 코덱입니다.'),
  isac: both('An older audio codec.', '예전 오디오 코덱입니다.'),
  ilbc: both('An older low-bitrate audio codec.', '예전 저비트레이트 오디오 코덱입니다.'),
  l16: both('Uncompressed 16-bit audio.', '압축하지 않은 16비트 오디오입니다.'),
};

/** RTP header extensions by URI: what each packet can carry besides the media. */
export const HEADER_EXTENSIONS: Readonly<Record<string, Localized>> = {
  'urn:ietf:params:rtp-hdrext:toffset': both('the transmission time offset: how long after its capture time a packet was sent', '전송 시간 오프셋: 캡처 시각보다 얼마나 늦게 패킷을 보냈는지'),
  'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time': both('the absolute send time, which the receiver uses to estimate the bandwidth', '절대 송신 시각: 수신 측이 대역폭을 추정하는 데 씀'),
  'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01': both(
    'a sequence number across all streams, for transport-wide congestion control (transport-cc)',
    '모든 스트림에 걸친 일련번호: 전송 전체 혼잡 제어(transport-cc)에 씀',
  ),
  'http://www.webrtc.org/experiments/rtp-hdrext/transport-wide-cc-02': both(
    'a sequence number across all streams, for transport-wide congestion control (version 2, feedback on request)',
    '모든 스트림에 걸친 일련번호: 전송 전체 혼잡 제어(버전 2, 요청할 때 피드백)에 씀',
  ),
  'urn:ietf:params:rtp-hdrext:sdes:mid': both('the mid of the m-section a packet belongs to, so bundled streams on one port can be told apart', '패킷이 속한 m 섹션의 mid: 한 포트에 묶인(BUNDLE) 스트림을 구별하는 데 씀'),
  'urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id': both('the rid of a simulcast stream', '시뮬캐스트 스트림의 rid'),
  'urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id': both('the rid of the stream a retransmission repairs', '재전송 패킷이 복구하는 스트림의 rid'),
  'urn:ietf:params:rtp-hdrext:ssrc-audio-level': both('the audio level of each packet, so a receiver can tell who is speaking without decoding', '패킷마다의 오디오 레벨: 수신 측이 디코딩하지 않고도 누가 말하는지 알 수 있음'),
  'urn:ietf:params:rtp-hdrext:csrc-audio-level': both('the audio levels of the sources a mixer combined', '믹서가 합친 각 음원의 오디오 레벨'),
  'urn:3gpp:video-orientation': both('the rotation of the video (a phone turned sideways), so the receiver can turn it back', '비디오의 회전 방향(옆으로 돌린 휴대폰 등): 수신 측이 바로 세워 보여 줄 수 있음'),
  'http://www.webrtc.org/experiments/rtp-hdrext/playout-delay': both('limits on how long the receiver buffers before playing', '수신 측이 재생 전에 버퍼링할 시간의 한도'),
  'http://www.webrtc.org/experiments/rtp-hdrext/video-content-type': both('whether the video is screen content rather than a camera', '비디오가 카메라가 아닌 화면 공유 콘텐츠인지 여부'),
  'http://www.webrtc.org/experiments/rtp-hdrext/video-timing': both('when a frame was encoded and sent, for diagnostics', '프레임을 언제 인코딩하고 보냈는지: 진단용'),
  'http://www.webrtc.org/experiments/rtp-hdrext/color-space': both('the color space of the video', '비디오의 색 공간'),
  'http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time': both('when the media was captured, so audio and video stay in sync even through a relay', '미디어를 캡처한 시각: 중계 서버를 거쳐도 오디오와 비디오를 맞추는 데 씀'),
  'https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension': both(
    'the dependency descriptor: which frames depend on which, so a relay can drop layers safely',
    '의존성 기술자(dependency descriptor): 어떤 프레임이 어떤 프레임에 의존하는지 알려 주어 중계 서버가 레이어를 안전하게 뺄 수 있음',
  ),
  'http://www.webrtc.org/experiments/rtp-hdrext/generic-frame-descriptor-00': both('the generic frame descriptor: how frames depend on each other', '범용 프레임 기술자: 프레임끼리의 의존 관계'),
  'http://www.webrtc.org/experiments/rtp-hdrext/video-layers-allocation00': both('which simulcast or scalable layers are being sent, at what rates', '어떤 시뮬캐스트·계층(SVC) 레이어를 어떤 비트레이트로 보내는지'),
  'http://www.webrtc.org/experiments/rtp-hdrext/video-frame-tracking-id': both('an id that follows a frame through the pipeline, for testing', '파이프라인을 따라 프레임을 추적하는 ID: 테스트용'),
  'http://www.webrtc.org/experiments/rtp-hdrext/corruption-detection': both('samples of the sent image, so the receiver can detect corrupted video', '보낸 이미지의 샘플: 수신 측이 깨진 비디오를 알아챌 수 있음'),
  'http://www.webrtc.org/experiments/rtp-hdrext/inband-cn': both('marks packets of comfort noise sent inside the audio stream', '오디오 스트림 안에 보낸 컴포트 노이즈 패킷 표시'),
  'urn:ietf:params:rtp-hdrext:encrypt': both('another header extension, encrypted', '암호화한 다른 헤더 확장'),
};

export interface Feedback extends Localized {
  /** The short name people use for it. */
  readonly name: string;
}

const feedback = (name: string, en: string, ko: string): Feedback => ({ name, en, ko });

/** RTCP feedback by `type` or `type subtype`, as in a=rtcp-fb: its name and one sentence on what it does. */
export const FEEDBACK: Readonly<Record<string, Feedback>> = {
  'goog-remb': feedback('REMB', 'The receiver tells the sender the highest bitrate it estimates the network can carry.', '수신 측이 네트워크가 감당할 수 있다고 추정한 최대 비트레이트를 송신 측에 알려 줍니다.'),
  'transport-cc': feedback(
    'transport-cc',
    'The receiver reports when each packet arrived, and the sender estimates the bandwidth from that (transport-wide congestion control).',
    '수신 측이 패킷마다 도착 시각을 보고하고, 송신 측이 그것으로 대역폭을 추정합니다(전송 전체 혼잡 제어).',
  ),
  'ccm fir': feedback('FIR', 'The receiver may ask for a complete new key frame (full intra request).', '수신 측이 완전한 새 키 프레임을 요청할 수 있습니다(full intra request).'),
  nack: feedback('NACK', 'The receiver names lost packets, and the sender sends them again.', '수신 측이 잃어버린 패킷을 알려 주면 송신 측이 다시 보냅니다.'),
  'nack pli': feedback('PLI', 'The receiver says it lost a picture, and the sender encodes a new key frame (picture loss indication).', '수신 측이 화면을 잃었다고 알리면 송신 측이 새 키 프레임을 인코딩합니다(picture loss indication).'),
  'nack sli': feedback('SLI', 'The receiver says part of a picture was lost (slice loss indication).', '수신 측이 화면 일부를 잃었다고 알립니다(slice loss indication).'),
  'nack rpsi': feedback('RPSI', 'The receiver names a picture it did receive, for the sender to encode against (reference picture selection).', '수신 측이 제대로 받은 화면을 알려 주면, 송신 측이 그 화면을 기준으로 인코딩합니다(reference picture selection).'),
  'ccm tmmbr': feedback('TMMBR', 'The receiver may ask the sender to stay under a bitrate for a while (temporary maximum bitrate request).', '수신 측이 송신 측에 한동안 일정 비트레이트 이하로 보내 달라고 요청할 수 있습니다(temporary maximum bitrate request).'),
  'trr-int': feedback('trr-int', 'It sets a minimum interval between regular RTCP reports.', '정기 RTCP 보고 사이의 최소 간격을 정합니다.'),
};

/** ICE options, as in a=ice-options: one sentence each. */
export const ICE_OPTIONS: Readonly<Record<string, Localized>> = {
  trickle: both(
    'Trickle ICE: candidates may follow the description one at a time (onicecandidate on this side, addIceCandidate on the other).',
    'Trickle ICE: 후보를 description에 모두 담지 않고 하나씩 따로 보낼 수 있습니다(이쪽의 onicecandidate, 상대의 addIceCandidate).',
  ),
  renomination: both('Renomination: the controlling side may switch to another candidate pair later.', 'Renomination: 제어(controlling) 쪽이 나중에 다른 후보 쌍으로 바꿀 수 있습니다.'),
  ice2: both('ICE as revised in RFC 8445.', 'RFC 8445로 개정된 ICE를 씁니다.'),
};
