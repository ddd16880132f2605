import { readServerConfig } from '../src/server/config.ts';
import { startSiteServer } from '../src/server/site-server.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { DIST } from '../scripts/build-state.ts';
import { timeClick, FIRST_LINE } from './editor-and-run.ts';
const site = await startSiteServer({ distDir: DIST, config: readServerConfig({ PORT: '0', HOST: '127.0.0.1' }), log: () => {}, turn: { running: false, reason: 'disabled' } as never });
const browser = await launchChromium('browser');
const url = `http://localhost:${site.port}/start/how-labs-work/`;
for (let i = 0; i < 2; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const s = await context.newCDPSession(page);
  await s.send('Profiler.enable'); await s.send('Profiler.setSamplingInterval', { interval: 100 }); await s.send('Profiler.start');
  const ms = await timeClick(page, 'section.lab[data-lab="datachannel-loopback"] [data-action="run"]', FIRST_LINE);
  const { profile } = await s.send('Profiler.stop') as any;
  console.log(`run → first line ${ms.toFixed(0)} ms`);
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const self = new Map<string, number>(); let total = 0;
  profile.samples.forEach((id: number, k: number) => { const n: any = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`; const dt = profile.timeDeltas[k] ?? 0; self.set(key, (self.get(key) ?? 0) + dt); total += dt; });
  const byUrl = new Map<string, number>(); for (const [k, v] of self) { const u = k.split(' ').pop()!; byUrl.set(u, (byUrl.get(u) ?? 0) + v); }
  console.log('by script:', [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k || '(native)'} ${(v / 1000).toFixed(1)}`).join(' | '));
  console.log('top:', [...self].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(' | '));
  await context.close();
}
await browser.close(); process.exit(0);
