/**
 * The parameters of an a=fmtp line, each with what it means for its codec, in English and
 * Korean. A parameter not known here is shown as written.
 */
import { parseParams } from 'sdp-transform';
import { both, codecDisplayName, payloadLabel, type Localized, type Section } from './sdp-context.ts';

/** One part per parameter: `key=value: what it means`, or just `key=value`. */
export function fmtpParts(config: string, payload: number, section: Section | null): Localized[] {
  const codec = section?.codecs.get(payload)?.name.toLowerCase() ?? '';
  return Object.entries(parseParams(config)).map(([key, raw]) => {
    const value = raw === undefined ? '' : String(raw);
    const written = value === '' ? key : `${key}=${value}`;
    const meaning = paramMeaning(codec, key, value, section);
    return meaning ? both(`${written}: ${meaning.en}`, `${written}: ${meaning.ko}`) : both(written, written);
  });
}

function paramMeaning(codec: string, key: string, value: string, section: Section | null): Localized | null {
  if (value === '') return valuelessMeaning(codec, key, section);
  if (key.startsWith('x-google-')) return both("a non-standard hint of Google's WebRTC engine", 'Google WebRTC 엔진의 비표준 힌트');
  const on = value === '1';
  switch (key) {
    case 'apt': {
      // A payload type is 0–127; anything else is a damaged line, shown as written, not as "NaN".
      if (!/^\d{1,3}$/.test(value) || Number(value) > 127) return null;
      const target = payloadLabel(section, Number(value));
      return codec === 'rtx'
        ? both(`it retransmits the packets of ${target.en}`, `${target.ko}의 패킷을 다시 보냄`)
        : both(`it protects the packets of ${target.en}`, `${target.ko}의 패킷을 보호함`);
    }
    case 'rtx-time':
      return both(`sent packets are kept ${value} ms for retransmission`, `보낸 패킷을 재전송용으로 ${value} ms 동안 보관함`);
    case 'minptime':
      return both(`each packet holds at least ${value} ms of sound`, `패킷 하나에 최소 ${value} ms 분량의 소리를 담음`);
    case 'ptime':
      return both(`each packet holds ${value} ms of sound`, `패킷 하나에 ${value} ms 분량의 소리를 담음`);
    case 'useinbandfec':
      return on
        ? both("Opus's own error correction is on: each packet also carries a rough copy of the one before", 'Opus 자체 오류 정정 켬: 패킷마다 바로 앞 패킷의 대략적인 사본도 실음')
        : both("Opus's own error correction is off", 'Opus 자체 오류 정정 끔');
    case 'usedtx':
      return on ? both('discontinuous transmission: almost nothing is sent during silence', '불연속 전송(DTX): 조용할 때는 거의 보내지 않음') : both('audio is sent during silence too', '조용할 때도 오디오를 보냄');
    case 'stereo':
      return on ? both('this side can receive stereo', '이쪽은 스테레오를 받을 수 있음') : both('this side wants mono', '이쪽은 모노를 원함');
    case 'sprop-stereo':
      return on ? both('this side sends stereo', '이쪽은 스테레오로 보냄') : both('this side sends mono', '이쪽은 모노로 보냄');
    case 'cbr':
      return on ? both('constant bitrate', '고정 비트레이트') : both('variable bitrate', '가변 비트레이트');
    case 'maxplaybackrate':
      return both(`this side plays audio back at up to ${value} Hz`, `이쪽은 최대 ${value} Hz로 재생함`);
    case 'maxaveragebitrate':
      return both(`at most ${value} bit/s on average`, `평균 최대 ${value} bit/s`);
    case 'profile-level-id':
      return codec === 'h264' ? h264Profile(value) : null;
    case 'packetization-mode':
      return value === '1'
        ? both('a frame may be split across several packets (non-interleaved mode)', '프레임 하나를 여러 패킷에 나눠 보낼 수 있음(non-interleaved 모드)')
        : value === '0'
          ? both('each packet holds one whole NAL unit (single NAL unit mode)', '패킷마다 NAL 유닛 하나를 통째로 담음(single NAL unit 모드)')
          : null;
    case 'level-asymmetry-allowed':
      return on ? both('each direction may use a different level', '방향마다 다른 레벨을 써도 됨') : both('both directions use the same level', '두 방향이 같은 레벨을 씀');
    case 'profile-id':
      return profileId(codec, value);
    case 'profile':
      return codec === 'av1' ? pick(value, { '0': 'Main', '1': 'High', '2': 'Professional' }, (name) => both(`AV1 ${name} profile`, `AV1 ${name} 프로파일`)) : null;
    case 'level-idx':
      return codec === 'av1' ? both(`AV1 level index ${value}`, `AV1 레벨 인덱스 ${value}`) : null;
    case 'tier':
    case 'tier-flag':
      return pick(value, { '0': 'Main', '1': 'High' }, (name) => both(`${name} tier`, `${name} 티어`));
    case 'level-id': {
      const level = Number(value) / 30;
      return codec === 'h265' && Number.isFinite(level) ? both(`H.265 level ${level}`, `H.265 레벨 ${level}`) : null;
    }
    case 'tx-mode':
      return value === 'SRST' ? both('one RTP stream over one transport', '전송 하나에 RTP 스트림 하나') : null;
    case 'max-fs':
      return both(`frames of up to ${value} macroblocks (16×16 pixels each)`, `프레임 크기 최대 ${value} 매크로블록(16×16 픽셀 단위)`);
    case 'max-fr':
      return both(`at most ${value} frames per second`, `초당 최대 ${value} 프레임`);
    default:
      return null;
  }
}

/** Parameters written without `=`: RED's payload list (`111/111`) and telephone-event's range (`0-16`). */
function valuelessMeaning(codec: string, key: string, section: Section | null): Localized | null {
  if (codec === 'red' && /^\d+(\/\d+)*$/.test(key)) {
    const blocks = key.split('/');
    const target = payloadLabel(section, Number(blocks[0]));
    return both(
      `each RED packet carries ${blocks.length} blocks of ${target.en}: the newest and ${blocks.length - 1} earlier`,
      `RED 패킷마다 ${target.ko} 블록 ${blocks.length}개: 최신 블록 하나와 앞선 블록 ${blocks.length - 1}개`,
    );
  }
  if (codec === 'telephone-event' && /^[\d,-]+$/.test(key)) {
    return both('the tone events it handles; 0–15 are the keys 0–9, *, #, A–D', '다루는 신호음 이벤트. 0–15는 키 0–9, *, #, A–D');
  }
  return null;
}

function pick(value: string, names: Readonly<Record<string, string>>, say: (name: string) => Localized): Localized | null {
  const name = Object.hasOwn(names, value) ? names[value] : undefined;
  return name ? say(name) : null;
}

function profileId(codec: string, value: string): Localized | null {
  if (codec === 'vp9') {
    const formats: Readonly<Record<string, string>> = { '0': '8-bit 4:2:0', '1': '8-bit 4:2:2/4:4:4', '2': '10/12-bit 4:2:0', '3': '10/12-bit 4:2:2/4:4:4' };
    return pick(value, formats, (format) => both(`VP9 profile ${value} (${format})`, `VP9 프로파일 ${value}(${format})`));
  }
  if (codec === 'h265') return pick(value, { '1': 'Main', '2': 'Main 10' }, (name) => both(`H.265 ${name} profile`, `H.265 ${name} 프로파일`));
  return null;
}

/** profile-level-id (RFC 6184): profile_idc, constraint flags and level_idc, one byte each in hex. */
function h264Profile(hex: string): Localized | null {
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const idc = parseInt(hex.slice(0, 2), 16);
  const flags = parseInt(hex.slice(2, 4), 16);
  const levelIdc = parseInt(hex.slice(4, 6), 16);
  const profile =
    idc === 0x42
      ? flags & 0x40
        ? 'Constrained Baseline'
        : 'Baseline'
      : idc === 0x4d
        ? flags & 0x80
          ? 'Constrained Baseline'
          : 'Main'
        : idc === 0x58
          ? 'Extended'
          : idc === 0x64
            ? (flags & 0x0c) === 0x0c
              ? 'Constrained High'
              : 'High'
            : idc === 0xf4
              ? 'High 4:4:4 Predictive'
              : `profile_idc ${idc}`;
  // Level 1b is level_idc 11 with constraint_set3 in the Baseline family.
  const level = levelIdc === 11 && flags & 0x10 && idc !== 0x64 ? '1b' : String(levelIdc / 10);
  const name = codecDisplayName('h264');
  return both(`${name} ${profile} profile, level ${level}`, `${name} ${profile} 프로파일, 레벨 ${level}`);
}
