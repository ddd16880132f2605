import { log } from 'lab';

const channelState = document.querySelector<HTMLOutputElement>('#channel-state')!;
const list = document.querySelector('#messages')!;
function show(who: string, text: string): void {
  list.append(Object.assign(document.createElement('li'), { textContent: `${who}: ${text}` }));
  log(`${who}:`, text);
}

// 한 페이지 안의 두 피어 연결. 여기서 trickle ICE는 후보를 하나씩 상대에게 건네주는 것입니다.
const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();
pc1.addEventListener('icecandidate', ({ candidate }) => void pc2.addIceCandidate(candidate));
pc2.addEventListener('icecandidate', ({ candidate }) => void pc1.addIceCandidate(candidate));

// 많은 앱이 그러듯 offer/answer 교환은 통화를 시작할 때 한 번뿐입니다.
async function connect(): Promise<void> {
  await pc1.setLocalDescription();
  await pc2.setRemoteDescription(pc1.localDescription!);
  await pc2.setLocalDescription();
  await pc1.setRemoteDescription(pc2.localDescription!);
  const sections = pc1.localDescription!.sdp.match(/^m=.*$/gm) ?? [];
  log(`offer/answer done; the offer had ${sections.length} media section(s):`, sections);
}

// pc1이 연 채널로 메시지가 오면 pc2는 매번 답장을 보냅니다.
pc2.addEventListener('datachannel', ({ channel: incoming }) => {
  incoming.addEventListener('message', ({ data }) => {
    show('pc2 received', String(data));
    incoming.send('hello back from pc2');
  });
});

await connect();

// offer와 answer가 다 끝난 지금에서야 앱이 채널이 필요하다고 결정합니다.
const channel = pc1.createDataChannel('late');
channel.addEventListener('open', () => channel.send('hello from pc1'));
channel.addEventListener('message', ({ data }) => show('pc1 received', String(data)));

// 채널은 열릴 때 'open'을 보낼 뿐 기다리는 동안에는 아무 이벤트도 없습니다. 그래서 몇 초 동안
// 1초마다 readyState를 읽어 보여 줍니다.
let seconds = 0;
channelState.value = channel.readyState;
const watch = setInterval(() => {
  seconds += 1;
  channelState.value = channel.readyState;
  log(`after ${seconds} s the 'late' channel is ${channel.readyState}`);
  if (seconds >= 5 || channel.readyState !== 'connecting') clearInterval(watch);
}, 1000);

// TODO 1: 실행해서 채널이 'connecting'에 머무는 것을 지켜보십시오. 단 한 번의 offer는 채널이 생기기
//         전에 만들어져서 데이터 채널용 미디어 섹션이 없습니다. 'late'가 열릴 자리가 협상된 적이 없는
//         것입니다. 채널을 만들 때 pc1에서 'negotiationneeded'가 발생했지만 듣는 코드가 없습니다.
// TODO 2: connect()를 처음 부르기 전에 그 이벤트를 들으십시오.
//         pc1.addEventListener('negotiationneeded', () => void connect());
//         그러면 나중에 채널을 만들거나 트랙을 추가할 때 새 offer/answer가 저절로 이루어집니다.
