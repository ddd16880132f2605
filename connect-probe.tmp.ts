import { fork } from 'node:child_process';
import { WebSocket } from 'ws';
const kinds = process.argv.slice(2);
const pct = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]; };
async function run(kind: string) {
  const child = fork('bench/broker-server.ts', [kind], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, NO_TURN: '1', ...(kind === 'shard' ? {} : {}) }, execArgv: process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof-' + kind] : [] });
  const port = await new Promise<number>((r) => child.once('message', (m) => r((m as { port: number }).port)));
  const times: number[] = [];
  const sockets: WebSocket[] = [];
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 1000; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => new Promise<void>((resolve, reject) => {
        const n = round * 1000 + i + k;
        const started = performance.now();
        const ws = new WebSocket(`ws://127.0.0.1:${port}/peerjs/peerjs?key=peerjs&id=p-${n}&token=t${n}`, { origin: `http://localhost:${port}`, localAddress: `127.${1 + Math.floor(n / 20 / 250)}.${1 + (Math.floor(n / 20) % 250)}.1` });
        ws.on('message', (d) => { if (String(d).includes('OPEN')) { times.push(performance.now() - started); resolve(); } else reject(new Error(String(d))); });
        ws.on('error', reject);
        sockets.push(ws);
      })));
    }
    for (const ws of sockets.splice(0)) ws.terminate();
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGINT');
  console.log(kind, 'p50', pct(times.slice(1000), 50)?.toFixed(2), 'p99', pct(times.slice(1000), 99)?.toFixed(2));
}
for (const kind of kinds) await run(kind);
process.exit(0);
