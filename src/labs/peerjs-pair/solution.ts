import { log } from 'lab';
import { Peer } from 'peerjs';
import adapter from 'webrtc-adapter';

// webrtc-adapter smooths over browser differences when imported; it also says what it found.
log('webrtc-adapter sees:', adapter.browserDetails.browser, adapter.browserDetails.version);

const list = document.querySelector('#events')!;
function show(text: string): void {
  list.append(Object.assign(document.createElement('li'), { textContent: text }));
  log(text);
}

/**
 * A peer registered with this site's own PeerServer (mounted at /peerjs on the origin this
 * page comes from). Both peers share this machine, so no STUN or TURN server is needed:
 * an empty iceServers list also keeps PeerJS from using its public defaults.
 */
function createPeer(): Promise<Peer> {
  const secure = location.protocol === 'https:';
  const peer = new Peer({
    host: location.hostname,
    port: Number(location.port) || (secure ? 443 : 80),
    path: '/peerjs',
    secure,
    config: { iceServers: [] },
  });
  return new Promise((resolve, reject) => {
    peer.on('open', () => resolve(peer));
    peer.on('error', (error) => reject(error));
  });
}

const alice = await createPeer();
const bob = await createPeer();
show(`registered with the broker: alice is ${alice.id}, bob is ${bob.id}`);

// bob waits for whoever connects to him.
bob.on('connection', (connection) => {
  show(`bob: ${connection.peer} is connecting`);
  connection.on('data', (data) => show(`bob received: ${String(data)}`));
});

// The broker only introduces the two: the offer, answer and candidates travel through it,
// the message itself goes peer to peer. PeerJS makes its channels unordered unless told
// `reliable: true`; 'raw' sends a string as a plain text message (the default packs every
// value into binary).
const connection = alice.connect(bob.id, { reliable: true, serialization: 'raw' });
connection.on('open', () => {
  show(`alice: connected to ${connection.peer}`);
  connection.send('hello through the broker');
});
