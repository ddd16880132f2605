import { readServerConfig } from '../src/server/config.ts';
import { startSiteServer } from '../src/server/site-server.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { DIST } from '../scripts/build-state.ts';
import { timeClick, FIRST_LINE } from './editor-and-run.ts';
const site = await startSiteServer({ distDir: DIST, config: readServerConfig({ PORT: '0', HOST: '127.0.0.1' }), log: () => {}, turn: { running: false, reason: 'disabled' } as never });
const browser = await launchChromium('browser');
const url = `http://localhost:${site.port}/start/how-labs-work/`;
for (let i = 0; i < Number(process.env.RUNS ?? 3); i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const t0 = Date.now();
  const log: string[] = [];
  context.on('request', (r) => log.push(`${String(Date.now() - t0).padStart(5)} req ${r.url().replace(/^http:\/\/[^/]+/, (m) => m.includes('lab.') ? 'LAB' : '')}`));
  context.on('requestfinished', (r) => log.push(`${String(Date.now() - t0).padStart(5)} fin ${r.url().replace(/^http:\/\/[^/]+/, (m) => m.includes('lab.') ? 'LAB' : '')}`));
  const ms = await timeClick(page, 'section.lab[data-lab="datachannel-loopback"] [data-action="run"]', FIRST_LINE);
  console.log(`run → first line ${ms.toFixed(0)} ms`);
  if (i === Number(process.env.RUNS ?? 3) - 1) console.log(log.join('\n'));
  await context.close();
}
await browser.close(); process.exit(0);
