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

// 브라우저는 상대와 아직 합의하지 않은 것이 더해질 때마다 'negotiationneeded'를 발생시킵니다.
// 첫 데이터 채널이나 트랙이 그렇습니다. 이 이벤트에 새 offer/answer로 응해야 나중에 만든 채널이
// 열립니다. 여기서는 pc1만 offer를 만드니 두 offer가 엇갈릴 일이 없습니다. 두 브라우저 사이에서는
// 어느 쪽이든 다시 협상할 수 있고, 그 충돌은 perfect negotiation으로 해결합니다.
// (처음 connect()를 부르기 전에 채널을 만들어도 됩니다. 그러면 첫 offer에 채널이 담기니까요. 하지만
// 실제 앱은 채널과 트랙을 나중에 더하기도 하고, 이 핸들러는 그 모든 경우를 처리합니다.)
pc1.addEventListener('negotiationneeded', () => {
  log('pc1: negotiationneeded');
  void connect();
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
