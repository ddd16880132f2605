/**
 * What each kind of SDP line means, as a template per line type (`v=`, `m=`) or attribute
 * (`a=rtpmap`) that fills in this session's values, in English and Korean. A template gets
 * the fields sdp-transform read from the line (possibly none, for a malformed line) and says
 * what it can: the general meaning when the line gives nothing more.
 */
import {
  both,
  byteSize,
  capitalize,
  codecDisplayName,
  hostPort,
  int,
  joinLocalized,
  mediaWord,
  payloadLabel,
  sectionName,
  where,
  type LineContext,
  type LineTemplate,
  type Localized,
} from './sdp-context.ts';
import { fmtpParts } from './sdp-fmtp.ts';
import { CODECS, FEEDBACK, HEADER_EXTENSIONS, ICE_OPTIONS } from './sdp-names.ts';

const words = (value: string): string[] => value.trim().split(/\s+/).filter((w) => w !== '');

function origin({ fields }: LineContext): Localized {
  const { username, sessionId, sessionVersion, address } = fields;
  if (!sessionId || !sessionVersion) return both('Origin: who made this description, with a session id and version.', '발신자(origin) 정보입니다. 이 description을 만든 쪽과 세션 ID, 버전이 들어 있습니다.');
  return both(
    `Origin. Session id ${sessionId} stays the same for the whole call; version ${sessionVersion} goes up each time this side sends a changed description (renegotiation). The user name (${username ?? '-'}) and the address (${address ?? '-'}) are not used for anything: the addresses that matter are in the a=candidate lines.`,
    `발신자(origin) 정보입니다. 세션 ID(${sessionId})는 통화 내내 바뀌지 않고, 버전(${sessionVersion})은 이쪽이 바뀐 description을 보낼 때마다(재협상) 올라갑니다. 사용자 이름(${username ?? '-'})과 주소(${address ?? '-'})는 실제로 쓰이지 않습니다. 의미 있는 주소는 a=candidate 줄에 있습니다.`,
  );
}

function sessionName({ value }: LineContext): Localized {
  if (value.trim() === '-' || value.trim() === '') {
    return both(`Session name. WebRTC does not name sessions, so it is "${value.trim()}".`, `세션 이름입니다. WebRTC는 세션에 이름을 붙이지 않으므로 "${value.trim()}"만 적습니다.`);
  }
  return both(`Session name: "${value}". WebRTC does not use it.`, `세션 이름 "${value}"입니다. WebRTC는 이 값을 쓰지 않습니다.`);
}

function timing({ fields }: LineContext): Localized {
  if (fields['start'] === '0' && fields['stop'] === '0') {
    return both('Timing. "0 0" means no fixed start or end: the session lasts until one side closes it.', '시간 정보입니다. "0 0"은 시작과 끝 시각이 정해져 있지 않다는 뜻으로, 한쪽이 연결을 닫을 때까지 세션이 이어집니다.');
  }
  return both('Timing: when the session starts and stops, in NTP seconds. WebRTC does not use it.', '시간 정보: 세션의 시작과 끝 시각(NTP 초)입니다. WebRTC는 이 값을 쓰지 않습니다.');
}

function connection({ fields }: LineContext): Localized {
  const ip = fields['ip'];
  if (!ip) return both('Connection address of this side.', '이쪽의 연결 주소입니다.');
  if (ip === '0.0.0.0' || ip === '::') {
    return both(`Connection address ${ip}: a placeholder. With ICE the addresses in use come from the a=candidate lines.`, `연결 주소 ${ip}: 자리만 채운 값입니다. ICE를 쓰면 실제 주소는 a=candidate 줄에서 정해집니다.`);
  }
  return both(
    `Connection address ${ip}: the address of this side's default candidate, written for endpoints without ICE. ICE may pick another one from the a=candidate lines.`,
    `연결 주소 ${ip}: 이쪽 기본 후보의 주소로, ICE를 모르는 상대를 위해 적어 둔 값입니다. ICE는 a=candidate 줄에서 다른 주소를 고를 수도 있습니다.`,
  );
}

function bandwidth({ fields, section }: LineContext): Localized {
  const { type, limit } = fields;
  const where = sectionName(section);
  // `b=AS:` with no number (found by the fuzz test) says nothing but that a limit is meant.
  if (limit === undefined || limit === '' || Number.isNaN(Number(limit))) return both(`Bandwidth limit for ${where.en}.`, `${where.ko}의 대역폭 한도입니다.`);
  switch (type) {
    case 'AS':
      return both(
        `Bandwidth for ${where.en}: at most ${limit} kbit/s (AS, application specific). The side that wrote this description asks to receive no more than that.`,
        `${where.ko}의 대역폭: 최대 ${limit} kbit/s(AS, 애플리케이션 지정). 이 description을 쓴 쪽이 그 이상은 받지 않겠다고 요청하는 값입니다.`,
      );
    case 'TIAS':
      return both(
        `Bandwidth for ${where.en}: at most ${limit} bit/s, not counting IP, UDP and RTP headers (TIAS). The side that wrote this description asks to receive no more than that.`,
        `${where.ko}의 대역폭: IP·UDP·RTP 헤더를 빼고 최대 ${limit} bit/s(TIAS). 이 description을 쓴 쪽이 그 이상은 받지 않겠다고 요청하는 값입니다.`,
      );
    case 'CT':
      return both(`Conference total: at most ${limit} kbit/s for all sessions together.`, `회의 전체(CT) 대역폭: 모든 세션을 합쳐 최대 ${limit} kbit/s입니다.`);
    case 'RR':
    case 'RS':
      return both(`RTCP bandwidth for ${type === 'RR' ? 'receivers' : 'senders'}: ${limit} bit/s.`, `${type === 'RR' ? '수신자' : '송신자'}용 RTCP 대역폭: ${limit} bit/s입니다.`);
    default:
      return both(`Bandwidth limit for ${where.en}.`, `${where.ko}의 대역폭 한도입니다.`);
  }
}

function transportProtocol(protocol: string): Localized {
  if (/^(UDP|TCP)\/DTLS\/SCTP$/.test(protocol) || protocol === 'DTLS/SCTP') {
    const under = protocol.startsWith('TCP') ? 'TCP' : 'UDP';
    return both(`SCTP inside DTLS over ${under} (${protocol}).`, `${under} 위의 DTLS 안에서 SCTP를 씁니다(${protocol}).`);
  }
  if (/^(UDP\/TLS\/|TCP\/TLS\/)?RTP\/SAVPF$/.test(protocol)) {
    return both(`RTP encrypted with keys from a DTLS handshake (DTLS-SRTP), with RTCP feedback (${protocol}).`, `DTLS 핸드셰이크로 얻은 키로 암호화한 RTP(DTLS-SRTP)에 RTCP 피드백을 더한 방식입니다(${protocol}).`);
  }
  return both(`Protocol ${protocol}.`, `프로토콜은 ${protocol}입니다.`);
}

function mediaPort(port: number | null): Localized {
  if (port === 0) return both('Port 0: this m-section is rejected, or its transceiver was stopped.', '포트 0: 이 m 섹션은 거절되었거나 트랜시버가 멈춘 상태입니다.');
  if (port === 9 || port === null) return both('Port 9 is a placeholder: ICE picks the real ports.', '포트 9는 자리만 채운 값이고, 실제 포트는 ICE가 정합니다.');
  return both(`Port ${port} is the port of this side's default candidate; ICE may use another.`, `포트 ${port}: 이쪽 기본 후보의 포트이며, ICE는 다른 포트를 쓸 수도 있습니다.`);
}

function mediaLine({ fields, section }: LineContext): Localized {
  const n = (section?.index ?? 0) + 1;
  const type = fields['type'] ?? '';
  const protocol = transportProtocol(fields['protocol'] ?? '');
  const port = mediaPort(int(fields['port']));
  if (type === 'application') {
    return both(
      `Start of m-section ${n}: data channels. ${protocol.en} One m-section carries every RTCDataChannel of this connection. ${port.en}`,
      `여기서 ${n}번째 m 섹션(데이터 채널)이 시작됩니다. ${protocol.ko} 이 연결의 모든 RTCDataChannel이 이 m 섹션 하나로 오갑니다. ${port.ko}`,
    );
  }
  const media = mediaWord(section);
  const payloads = words(fields['payloads'] ?? '');
  const first = payloads[0] === undefined ? undefined : section?.codecs.get(Number(payloads[0]));
  const order = payloads.length
    ? both(
        ` Payload types, most preferred first: ${payloads.join(' ')}${first ? `; the first is ${codecDisplayName(first.name)}` : ''}.`,
        ` 페이로드 타입(선호하는 순서): ${payloads.join(' ')}${first ? `. 첫째는 ${codecDisplayName(first.name)}입니다` : ''}.`,
      )
    : both('', '');
  return both(
    `Start of m-section ${n}: ${media.en}. ${protocol.en} ${port.en}${order.en}`,
    `여기서 ${n}번째 m 섹션(${media.ko})이 시작됩니다. ${protocol.ko} ${port.ko}${order.ko}`,
  );
}

function group({ fields }: LineContext): Localized {
  const type = fields['type'] ?? '';
  const mids = words(fields['mids'] ?? '');
  const list = mids.join(', ');
  if (type === 'BUNDLE' && mids.length > 1) {
    return both(
      `BUNDLE: the m-sections with mid ${list} share one transport: one ICE connection, one DTLS handshake, one port.`,
      `BUNDLE: mid가 ${list}인 m 섹션들이 전송 하나(ICE 연결 하나, DTLS 핸드셰이크 하나, 포트 하나)를 함께 씁니다.`,
    );
  }
  if (type === 'BUNDLE') {
    return both(
      `BUNDLE: the transport of the m-section with mid ${list} is the one that m-sections added later will share.`,
      `BUNDLE: mid가 ${list}인 m 섹션의 전송을, 나중에 추가되는 m 섹션들도 함께 쓰게 됩니다.`,
    );
  }
  if (type === 'LS') return both(`Lip sync: the m-sections with mid ${list} are played in sync.`, `립싱크: mid가 ${list}인 m 섹션들을 서로 맞춰 재생합니다.`);
  return both(`A group (${type}) of the m-sections with mid ${list}.`, `mid가 ${list}인 m 섹션들의 그룹(${type})입니다.`);
}

function msidSemantic({ value }: LineContext): Localized {
  const [semantic = '', ...ids] = words(value);
  const rest =
    ids.length === 1 && ids[0] === '*'
      ? both(' "*" stands for all of them.', ' "*"는 모든 스트림을 뜻합니다.')
      : ids.length
        ? both(` Streams: ${ids.join(', ')}.`, ` 스트림: ${ids.join(', ')}.`)
        : both('', '');
  if (semantic !== 'WMS') return both(`Stream grouping semantics: ${semantic}.${rest.en}`, `스트림 묶음 방식: ${semantic}.${rest.ko}`);
  return both(
    `Stream ids follow WebRTC's MediaStream semantics (WMS): the a=msid line of each m-section names the stream its track belongs to.${rest.en}`,
    `스트림 ID는 WebRTC의 MediaStream 방식(WMS)을 따릅니다. 각 m 섹션의 a=msid 줄이 그 섹션의 트랙이 속한 스트림을 밝힙니다.${rest.ko}`,
  );
}

function iceOptions({ value }: LineContext): Localized {
  const options = words(value);
  const known = options.flatMap((option) => (Object.hasOwn(ICE_OPTIONS, option) ? [ICE_OPTIONS[option] as Localized] : []));
  const said = joinLocalized(known, ' ', ' ');
  return both(`ICE options: ${options.join(', ')}.${known.length ? ` ${said.en}` : ''}`, `ICE 옵션: ${options.join(', ')}.${known.length ? ` ${said.ko}` : ''}`);
}

function setup({ fields }: LineContext): Localized {
  switch (fields['setup']) {
    case 'actpass':
      return both('DTLS role: this side can be the DTLS client or the server (actpass), and the answer decides. An offer always says actpass.', 'DTLS 역할: 이쪽은 DTLS 클라이언트와 서버 어느 쪽이든 될 수 있고(actpass), answer가 정합니다. offer에는 언제나 actpass가 들어갑니다.');
    case 'active':
      return both('DTLS role: this side is the DTLS client (active): it starts the handshake.', 'DTLS 역할: 이쪽이 DTLS 클라이언트(active)가 되어 핸드셰이크를 시작합니다.');
    case 'passive':
      return both('DTLS role: this side is the DTLS server (passive): it waits for the other side to start the handshake.', 'DTLS 역할: 이쪽이 DTLS 서버(passive)가 되어 상대가 핸드셰이크를 시작하기를 기다립니다.');
    default:
      return both('DTLS role: which side starts the DTLS handshake.', 'DTLS 역할: 어느 쪽이 DTLS 핸드셰이크를 시작할지 정합니다.');
  }
}

function mid({ fields, section }: LineContext): Localized {
  const name = sectionName(section);
  const id = fields['mid'] ?? '';
  if (section?.type === 'application') {
    return both(`Media id "${id}": the name of ${name.en}. a=group:BUNDLE refers to it.`, `미디어 ID "${id}": ${name.ko}의 이름입니다. a=group:BUNDLE이 이 이름으로 섹션을 가리킵니다.`);
  }
  return both(
    `Media id "${id}": the name of ${name.en}. a=group:BUNDLE refers to it, RTP packets carry it in the sdes:mid header extension, and RTCRtpTransceiver.mid reports it.`,
    `미디어 ID "${id}": ${name.ko}의 이름입니다. a=group:BUNDLE이 이 이름으로 섹션을 가리키고, RTP 패킷은 sdes:mid 헤더 확장에 이 값을 싣고, RTCRtpTransceiver.mid로 읽을 수 있습니다.`,
  );
}

function extmapDirection(direction: string | undefined): Localized {
  switch (direction) {
    case 'sendonly':
      return both(', for sending only,', '(보낼 때만)');
    case 'recvonly':
      return both(', for receiving only,', '(받을 때만)');
    case 'inactive':
      return both(', unused for now,', '(지금은 쓰지 않음)');
    default:
      return both('', '');
  }
}

function extmap({ fields }: LineContext): Localized {
  const id = fields['value'] ?? '?';
  const uri = fields['uri'] ?? '';
  const meaning = Object.hasOwn(HEADER_EXTENSIONS, uri) ? HEADER_EXTENSIONS[uri] : undefined;
  const direction = extmapDirection(fields['direction']);
  if (!meaning) {
    return both(`RTP header extension ${id}${direction.en.replace(/,$/, '')}: packets may carry ${uri || 'an extension'} under id ${id}.`, `RTP 헤더 확장 ${id}${direction.ko}: 패킷이 ${uri || '확장 데이터'}를 ID ${id}로 실을 수 있습니다.`);
  }
  return both(`RTP header extension ${id}${direction.en} carries ${meaning.en}.`, `RTP 헤더 확장 ${id}${direction.ko}: ${meaning.ko}.`);
}

function direction({ attribute, section }: LineContext): Localized {
  const media = mediaWord(section);
  const at = where(section);
  switch (attribute) {
    case 'sendrecv':
      return both(`Direction: ${at.en}, this side both sends and receives ${media.en}.`, `방향: ${at.ko} 이쪽은 ${media.ko}를 보내기도 하고 받기도 합니다.`);
    case 'sendonly':
      return both(`Direction: ${at.en}, this side only sends ${media.en}; it receives none.`, `방향: ${at.ko} 이쪽은 ${media.ko}를 보내기만 하고 받지는 않습니다.`);
    case 'recvonly':
      return both(`Direction: ${at.en}, this side only receives ${media.en}; it has nothing to send.`, `방향: ${at.ko} 이쪽은 ${media.ko}를 받기만 하고 보내지는 않습니다.`);
    default:
      return both(`Direction: ${at.en}, no ${media.en} flows either way (a call on hold, for example).`, `방향: ${at.ko}는 어느 쪽으로도 ${media.ko}가 흐르지 않습니다(예: 통화 보류).`);
  }
}

function msid({ value }: LineContext): Localized {
  const [stream = '', track] = words(value);
  const trackText = track ? both(` (id ${track})`, `(ID ${track})`) : both('', '');
  if (stream === '-') {
    return both(
      `The track this side sends here${trackText.en} belongs to no stream: addTrack() was called without one, so on the other side ontrack's event.streams is empty.`,
      `이쪽이 여기서 보내는 트랙${trackText.ko}은 어느 스트림에도 속하지 않습니다. addTrack()을 스트림 없이 불렀기 때문이며, 상대 쪽 ontrack의 event.streams는 빈 배열입니다.`,
    );
  }
  return both(
    `The track this side sends here${trackText.en} belongs to the stream ${stream}. On the other side, ontrack's event.streams[0].id is ${stream}.`,
    `이쪽이 여기서 보내는 트랙${trackText.ko}은 스트림 ${stream}에 속합니다. 상대 쪽 ontrack에서 event.streams[0].id가 바로 이 값입니다.`,
  );
}

function rtcp({ fields }: LineContext): Localized {
  const port = fields['port'] ?? '?';
  const address = fields['address'];
  return both(
    `RTCP port ${port}${address ? `, address ${address}` : ''}, written for endpoints that cannot multiplex. With a=rtcp-mux, RTCP shares the port of RTP.`,
    `RTCP 포트 ${port}${address ? `, 주소 ${address}` : ''}: 다중화를 못 하는 상대를 위해 적어 둔 값입니다. a=rtcp-mux가 있으면 RTCP는 RTP와 같은 포트를 씁니다.`,
  );
}

function rtcpXr({ value }: LineContext): Localized {
  if (value.includes('rcvr-rtt')) {
    return both(
      'Extended RTCP reports (RFC 3611): receiver reference time reports, so a side that only receives can measure the round-trip time too.',
      'RTCP 확장 보고(RFC 3611): 수신자 기준 시각 보고(rcvr-rtt)를 써서, 받기만 하는 쪽도 왕복 시간(RTT)을 잴 수 있습니다.',
    );
  }
  return both(`Extended RTCP reports (RFC 3611): ${value}.`, `RTCP 확장 보고(RFC 3611): ${value}.`);
}

function rtpmap({ fields, section }: LineContext): Localized {
  const payload = int(fields['payload']);
  const codec = fields['codec'];
  if (payload === null || !codec) return both('Maps an RTP payload type to a codec.', 'RTP 페이로드 타입이 어떤 코덱인지 밝힙니다.');
  const key = codec.toLowerCase();
  const name = codecDisplayName(codec);
  const described = Object.hasOwn(CODECS, key) ? CODECS[key] : undefined;
  const rate = int(fields['rate']);
  const channels = int(fields['encoding']);
  const clock =
    rate === null
      ? both('', '')
      : both(` at ${rate / 1000} kHz${channels && channels > 1 ? `, ${channels} channels` : ''}`, `(RTP 클럭 ${rate / 1000} kHz${channels && channels > 1 ? `, 채널 ${channels}개` : ''})`);
  const repaired = section?.associated.get(payload);
  const repairs =
    key === 'rtx' && repaired !== undefined
      ? both(` It retransmits the packets of ${payloadLabel(section, repaired).en}.`, ` ${payloadLabel(section, repaired).ko}의 패킷을 다시 보냅니다.`)
      : both('', '');
  return both(
    `Payload type ${payload} is ${name}${clock.en}.${described ? ` ${described.en}` : ''}${repairs.en}`,
    `페이로드 타입 ${payload}: ${name}${clock.ko}.${described ? ` ${described.ko}` : ''}${repairs.ko}`,
  );
}

function fmtp({ fields, section }: LineContext): Localized {
  const payload = int(fields['payload']);
  const config = fields['config'];
  if (payload === null || !config) return both('Format parameters of a payload type.', '페이로드 타입의 형식 매개변수입니다.');
  const label = payloadLabel(section, payload);
  const parts = joinLocalized(fmtpParts(config, payload, section), '; ', '; ');
  return both(`Format parameters of ${label.en}: ${parts.en}.`, `${label.ko}의 형식 매개변수입니다. ${parts.ko}.`);
}

function rtcpFeedback({ fields, section }: LineContext): Localized {
  const payload = fields['payload'];
  if (payload === undefined || (payload !== '*' && int(payload) === null)) return both('RTCP feedback that a payload type supports.', '페이로드 타입이 지원하는 RTCP 피드백입니다.');
  const target = payload === '*' ? both('every payload type', '모든 페이로드 타입') : payloadLabel(section, Number(payload));
  const key = fields['type'] ? [fields['type'], fields['subtype']].filter(Boolean).join(' ') : fields['value'] ? 'trr-int' : '';
  const known = Object.hasOwn(FEEDBACK, key) ? FEEDBACK[key] : undefined;
  if (!known) return both(`${capitalize(target.en)} supports the RTCP feedback "${key}".`, `${target.ko}의 RTCP 피드백: "${key}".`);
  const interval = key === 'trr-int' && fields['value'] ? both(` (${fields['value']} ms)`, `(${fields['value']} ms)`) : both('', '');
  return both(`${capitalize(target.en)} supports ${known.name} feedback${interval.en}. ${known.en}`, `${target.ko}에 ${known.name} 피드백을 씁니다${interval.ko}. ${known.ko}`);
}

function ssrc({ fields }: LineContext): Localized {
  const id = fields['id'] ?? '?';
  const attribute = fields['attribute'] ?? '';
  const value = fields['value'] ?? '';
  if (attribute === 'cname') {
    return both(
      `RTP stream (SSRC) ${id} has the CNAME ${value}. Streams with one CNAME come from one endpoint, and the receiver plays them in sync (lip sync).`,
      `RTP 스트림(SSRC) ${id}의 CNAME은 ${value}입니다. CNAME이 같은 스트림은 한 엔드포인트에서 온 것이므로, 수신 측은 이들을 서로 맞춰 재생합니다(립싱크).`,
    );
  }
  if (attribute === 'msid') {
    const [stream = '', track = ''] = words(value);
    return both(
      `RTP stream (SSRC) ${id} carries the track ${track} of the stream ${stream} (the older way of writing a=msid).`,
      `RTP 스트림(SSRC) ${id}에는 스트림 ${stream}의 트랙 ${track}이 실립니다(a=msid의 옛 표기).`,
    );
  }
  if (attribute === 'label' || attribute === 'mslabel') {
    return both(`RTP stream (SSRC) ${id}: ${attribute} ${value} (an old, pre-standard way of naming its track or stream).`, `RTP 스트림(SSRC) ${id}: ${attribute} ${value}(트랙이나 스트림을 밝히던 표준 이전의 옛 방식).`);
  }
  return both(`RTP stream (SSRC) ${id}: ${attribute} ${value}.`, `RTP 스트림(SSRC) ${id}: ${attribute} ${value}.`);
}

function ssrcGroup({ fields }: LineContext): Localized {
  const semantics = fields['semantics'] ?? '';
  const ssrcs = words(fields['ssrcs'] ?? '');
  const [first = '?', second = '?'] = ssrcs;
  switch (semantics) {
    case 'FID':
      return both(`Flow identification (FID): SSRC ${second} carries the retransmissions (RTX) of SSRC ${first}.`, `흐름 식별(FID): SSRC ${second} 스트림은 SSRC ${first} 스트림의 재전송(RTX)을 싣습니다.`);
    case 'SIM':
      return both(`Simulcast: SSRCs ${ssrcs.join(', ')} carry the same video at different qualities.`, `시뮬캐스트: SSRC ${ssrcs.join(', ')} 스트림은 같은 비디오를 서로 다른 품질로 싣습니다.`);
    case 'FEC-FR':
      return both(`SSRC ${second} carries forward error correction for SSRC ${first}.`, `SSRC ${second} 스트림은 SSRC ${first} 스트림의 순방향 오류 정정(FEC) 데이터를 싣습니다.`);
    default:
      return both(`A group (${semantics}) of RTP streams: ${ssrcs.join(', ')}.`, `RTP 스트림 그룹(${semantics}): ${ssrcs.join(', ')}.`);
  }
}

const CANDIDATE_TYPES: Readonly<Record<string, { name: Localized; meaning: Localized }>> = {
  host: { name: both('host', '호스트(host)'), meaning: both('an address of a network interface of this machine', '이 기기의 네트워크 인터페이스에 붙은 주소') },
  srflx: { name: both('server-reflexive (srflx)', '서버 반사(srflx)'), meaning: both("this side's address as a STUN server saw it from outside the NAT", 'NAT 바깥에서 STUN 서버가 본 이쪽의 주소') },
  prflx: { name: both('peer-reflexive (prflx)', '피어 반사(prflx)'), meaning: both("an address learned from the other side's connectivity checks", '상대의 연결 점검 메시지에서 알아낸 주소') },
  relay: { name: both('relay', '릴레이(relay)'), meaning: both('an address on a TURN server, which relays the traffic', '트래픽을 중계하는 TURN 서버의 주소') },
};

/** RFC 6544: who opens the TCP connection. An active candidate never listens, so its port is a placeholder. */
function tcpRole(tcptype: string): Localized {
  switch (tcptype) {
    case 'active':
      return both(' Active: this side only opens TCP connections, so its port is a placeholder.', ' active: 이쪽은 TCP 연결을 열기만 하므로 포트는 자리만 채운 값입니다.');
    case 'passive':
      return both(' Passive: this side waits for the other to open the TCP connection.', ' passive: 이쪽은 상대가 TCP 연결을 열기를 기다립니다.');
    case 'so':
      return both(' Simultaneous open: both sides open the TCP connection at once.', ' so(simultaneous open): 양쪽이 동시에 TCP 연결을 엽니다.');
    default:
      return both('', '');
  }
}

function candidate({ fields }: LineContext): Localized {
  const { ip, port, type, transport, priority, raddr, rport, tcptype, component } = fields;
  if (!ip || !port || !type) return both('An ICE candidate: an address where this side can be reached.', 'ICE 후보: 이쪽에 닿을 수 있는 주소입니다.');
  const known = Object.hasOwn(CANDIDATE_TYPES, type) ? CANDIDATE_TYPES[type] : undefined;
  const name = known?.name ?? both(type, type);
  const over = `${(transport ?? '').toUpperCase()}${tcptype ? ` (${tcptype})` : ''}`;
  const meaning = known ? both(`, ${known.meaning.en}.`, ` ${known.meaning.ko}입니다.`) : both('.', '');
  const tcp = tcptype ? tcpRole(tcptype) : both('', '');
  const from = raddr && rport && raddr !== '0.0.0.0' && type !== 'host' ? both(` It was obtained for the local address ${hostPort(raddr, rport)}.`, ` 로컬 주소 ${hostPort(raddr, rport)}에 대해 얻은 후보입니다.`) : both('', '');
  const mdns = ip.endsWith('.local') ? both(' The address is hidden behind an mDNS name that only machines on the same local network can resolve.', ' 실제 주소는 mDNS 이름 뒤에 숨겨져 있어, 같은 로컬 네트워크의 기기만 알아낼 수 있습니다.') : both('', '');
  const rtcpOnly = component === '2' ? both(' Component 2: RTCP on a port of its own.', ' 컴포넌트 2: 별도 포트로 보내는 RTCP용입니다.') : both('', '');
  const rank = priority ? both(` Priority ${priority}: ICE tries pairs of higher priority first.`, ` 우선순위 ${priority}: ICE는 우선순위가 높은 후보 쌍부터 시도합니다.`) : both('', '');
  return both(
    `A ${name.en} candidate: ${hostPort(ip, port)} over ${over}${meaning.en}${tcp.en}${from.en}${mdns.en}${rtcpOnly.en}${rank.en}`,
    `${name.ko} 후보: ${hostPort(ip, port)}, ${over}.${meaning.ko}${tcp.ko}${from.ko}${mdns.ko}${rtcpOnly.ko}${rank.ko}`,
  );
}

function maxMessageSize({ fields }: LineContext): Localized {
  const bytes = int(fields['maxMessageSize']);
  if (bytes === null) return both('The largest data-channel message this side can receive.', '이쪽이 받을 수 있는 가장 큰 데이터 채널 메시지 크기입니다.');
  if (bytes === 0) return both('The largest data-channel message this side can receive: 0 means any size.', '이쪽이 받을 수 있는 가장 큰 데이터 채널 메시지 크기: 0은 크기 제한이 없다는 뜻입니다.');
  const size = byteSize(bytes);
  return both(
    `The largest data-channel message this side can receive: ${bytes} bytes (${size.en}). On the other side, RTCSctpTransport.maxMessageSize takes it into account.`,
    `이쪽이 받을 수 있는 가장 큰 데이터 채널 메시지: ${bytes}바이트(${size.ko}). 상대 쪽 RTCSctpTransport.maxMessageSize에 이 값이 반영됩니다.`,
  );
}

function sctpmap({ fields }: LineContext): Localized {
  const number = fields['sctpmapNumber'] ?? '?';
  const app = fields['app'] ?? '';
  return both(`The older way (before a=sctp-port) of giving the SCTP port of the data channels: ${number}, for ${app}.`, `데이터 채널의 SCTP 포트를 적던 옛 방식(a=sctp-port 이전): ${number}, ${app}용.`);
}

/** Lines WebRTC does not use, explained by what they are for. */
function unused(en: string, ko: string): LineTemplate {
  return ({ value }) => both(`${en}: ${value}. WebRTC does not use it.`, `${ko}: ${value}. WebRTC는 이 값을 쓰지 않습니다.`);
}

const fixed =
  (en: string, ko: string): LineTemplate =>
  () =>
    both(en, ko);

/** By line type (`v=`) or `a=` attribute name (`a=rtpmap`). */
export const SDP_LINES: Readonly<Record<string, LineTemplate>> = {
  'v=': fixed('Protocol version. SDP has only ever had version 0.', 'SDP 프로토콜 버전입니다. 지금까지 나온 버전은 0 하나뿐입니다.'),
  'o=': origin,
  's=': sessionName,
  't=': timing,
  'c=': connection,
  'b=': bandwidth,
  'm=': mediaLine,
  'i=': unused('Description text', '설명 문구'),
  'u=': unused('A web address with more about the session', '세션에 대한 정보가 있는 웹 주소'),
  'e=': unused('An email address of whoever is responsible', '담당자의 이메일 주소'),
  'p=': unused('A phone number of whoever is responsible', '담당자의 전화번호'),
  'z=': unused('Time zone adjustments', '시간대 조정'),
  'r=': unused('Repeat times', '반복 시각'),
  'k=': unused('An encryption key (obsolete)', '암호화 키(폐지됨)'),
  'a=group': group,
  'a=extmap-allow-mixed': fixed(
    'This side accepts one-byte and two-byte RTP header extensions mixed in one stream (RFC 8285).',
    '한 스트림 안에 1바이트 형식과 2바이트 형식의 RTP 헤더 확장이 섞여 있어도 받아들인다는 뜻입니다(RFC 8285).',
  ),
  'a=msid-semantic': msidSemantic,
  'a=ice-ufrag': ({ value }) =>
    both(
      `ICE username fragment "${value}". With a=ice-pwd it identifies this side in the connectivity checks (STUN) between the peers; restartIce() makes new ones.`,
      `ICE 사용자 이름 조각(ufrag) "${value}"입니다. a=ice-pwd와 함께 두 피어 사이의 연결 점검(STUN)에서 이쪽을 식별하며, restartIce()를 부르면 새 값이 만들어집니다.`,
    ),
  'a=ice-pwd': ({ value }) =>
    both(
      `ICE password (${value.length} characters). The other side signs the connectivity checks it sends here with it, so only the peer that received this description can pass them.`,
      `ICE 비밀번호(${value.length}자)입니다. 상대는 이쪽으로 보내는 연결 점검 메시지에 이 값으로 서명하므로, 이 description을 받은 피어만 점검을 통과할 수 있습니다.`,
    ),
  'a=ice-options': iceOptions,
  'a=ice-lite': fixed(
    'This side runs ICE lite, usually a server with a public address: it answers connectivity checks but never starts them, and the other side takes the controlling role.',
    'ICE lite: 주로 공인 주소를 가진 서버가 쓰는 방식으로, 연결 점검에 응답만 하고 먼저 시작하지는 않습니다. 상대가 제어(controlling) 역할을 맡습니다.',
  ),
  'a=ice-pacing': ({ value }) => both(`This side sends its connectivity checks at least ${value} ms apart.`, `이쪽은 연결 점검 메시지를 최소 ${value} ms 간격으로 보냅니다.`),
  'a=fingerprint': ({ fields }) => {
    const hash = (fields['type'] ?? '').toUpperCase();
    return both(
      `The ${hash} fingerprint of this side's DTLS certificate. In the DTLS handshake the other side checks that the certificate it receives has this fingerprint, which ties the encryption to this description and to whoever sent it.`,
      `이쪽 DTLS 인증서의 ${hash} 지문(fingerprint)입니다. DTLS 핸드셰이크에서 상대는 받은 인증서의 지문이 이 값과 같은지 확인합니다. 그래서 암호화가 이 description, 그리고 이것을 보낸 쪽과 묶입니다.`,
    );
  },
  'a=setup': setup,
  'a=tls-id': ({ value }) => both(`DTLS association id ${value}: a new value means a new DTLS handshake.`, `DTLS 연결 ID ${value}: 값이 바뀌면 DTLS 핸드셰이크를 새로 합니다.`),
  'a=identity': fixed(
    'An identity assertion: proof from an identity provider of who holds this DTLS certificate (the rarely used WebRTC identity mechanism).',
    '신원 증명(identity assertion): 이 DTLS 인증서의 주인이 누구인지 신원 제공자(IdP)가 보증하는 값입니다. 거의 쓰이지 않는 WebRTC 신원 확인 기능입니다.',
  ),
  'a=mid': mid,
  'a=extmap': extmap,
  'a=sendrecv': direction,
  'a=sendonly': direction,
  'a=recvonly': direction,
  'a=inactive': direction,
  'a=msid': msid,
  'a=rtcp': rtcp,
  'a=rtcp-mux': fixed('RTP and RTCP share one port (RTCP multiplexing). WebRTC requires it.', 'RTP와 RTCP가 포트 하나를 함께 씁니다(RTCP 다중화). WebRTC에서는 필수입니다.'),
  'a=rtcp-mux-only': fixed('RTP and RTCP must share one port: this side will not use a separate RTCP port at all.', 'RTP와 RTCP가 반드시 포트 하나를 함께 써야 합니다. 이쪽은 별도의 RTCP 포트를 아예 쓰지 않습니다.'),
  'a=rtcp-rsize': fixed(
    'Reduced-size RTCP (RFC 5506): feedback such as NACK and PLI may go out alone in small packets, without the usual reports, so it arrives sooner.',
    'RTCP 축소 크기 허용(RFC 5506): NACK, PLI 같은 피드백을 정기 보고 없이 작은 패킷으로 바로 보낼 수 있어 더 빨리 도착합니다.',
  ),
  'a=rtcp-xr': rtcpXr,
  'a=rtpmap': rtpmap,
  'a=fmtp': fmtp,
  'a=rtcp-fb': rtcpFeedback,
  'a=ptime': ({ value }) => both(`Each audio packet holds ${value} ms of sound.`, `오디오 패킷 하나에 ${value} ms 분량의 소리를 담습니다.`),
  'a=maxptime': ({ value }) => both(`At most ${value} ms of sound in one audio packet.`, `오디오 패킷 하나에 최대 ${value} ms 분량의 소리를 담습니다.`),
  'a=ssrc': ssrc,
  'a=ssrc-group': ssrcGroup,
  'a=rid': ({ fields }) =>
    both(
      `Restriction id "${fields['id'] ?? ''}" (${fields['direction'] ?? ''}): one encoding of a simulcast track${fields['params'] ? `, with ${fields['params']}` : ''}.`,
      `RID "${fields['id'] ?? ''}"(${fields['direction'] ?? ''}): 시뮬캐스트 트랙의 인코딩 하나${fields['params'] ? `, 조건 ${fields['params']}` : ''}.`,
    ),
  'a=simulcast': ({ value }) =>
    both(
      `Simulcast: ${value}. Each rid is one encoding of the same track at a different quality; "~" marks one that is paused.`,
      `시뮬캐스트: ${value}. rid 하나가 같은 트랙을 서로 다른 품질로 인코딩한 스트림 하나이며, "~"는 멈춘 스트림입니다.`,
    ),
  'a=imageattr': ({ value }) => both(`Image sizes this side can send and receive: ${value}.`, `이쪽이 보내고 받을 수 있는 이미지 크기: ${value}.`),
  'a=framerate': ({ value }) => both(`At most ${value} frames per second.`, `초당 최대 ${value} 프레임입니다.`),
  'a=bundle-only': fixed('This m-section can only be used bundled with the others: it has no transport of its own.', '이 m 섹션은 다른 섹션과 묶어서(BUNDLE)만 쓸 수 있으며, 자기만의 전송이 없습니다.'),
  'a=candidate': candidate,
  'a=end-of-candidates': fixed('End of candidates: this side has sent all its candidates for this m-section, and no more will come.', '후보 끝: 이쪽은 이 m 섹션의 후보를 모두 보냈으며, 더 이상 오지 않습니다.'),
  'a=remote-candidates': fixed('The candidates of the other side that the controlling side chose, repeated so both sides agree.', '제어(controlling) 쪽이 고른 상대의 후보를 다시 적어, 양쪽이 같은 후보를 쓰도록 맞춥니다.'),
  'a=sctp-port': ({ fields }) =>
    both(
      `The SCTP port of the data channels: ${fields['sctpPort'] ?? '?'}. It identifies the SCTP association inside the DTLS connection; it is not a port on the network.`,
      `데이터 채널의 SCTP 포트 ${fields['sctpPort'] ?? '?'}입니다. DTLS 연결 안에서 SCTP 연결(association)을 구별하는 번호일 뿐, 네트워크의 포트가 아닙니다.`,
    ),
  'a=max-message-size': maxMessageSize,
  'a=sctpmap': sctpmap,
  'a=crypto': fixed('SDES keying: media keys written into the description itself. WebRTC does not use it: it keys SRTP through DTLS.', 'SDES 키 교환: 미디어 키를 description에 직접 적는 방식입니다. WebRTC는 이를 쓰지 않고 DTLS로 SRTP 키를 정합니다.'),
  'a=connection': ({ value }) =>
    value === 'existing'
      ? both('Media over TCP: reuse the existing connection.', 'TCP 미디어: 기존 연결을 그대로 씁니다.')
      : both('Media over TCP: open a new connection.', 'TCP 미디어: 새 연결을 엽니다.'),
  'a=label': ({ value }) => both(`Label of this m-section: ${value}.`, `이 m 섹션의 레이블: ${value}.`),
  'a=content': ({ value }) => both(`What this stream shows: ${value} (for example "slides" or "main").`, `이 스트림의 내용: ${value}(예: "slides", "main").`),
  'a=x-google-flag': ({ value }) => both(`A non-standard flag of Google's WebRTC engine: ${value}.`, `Google WebRTC 엔진의 비표준 플래그: ${value}.`),
};
