/**
 * `npm run dev`: the same pages with the broker, and hot reload that keeps working while a
 * broker socket is open (PeerServer's own WebSocket server would have answered Vite's HMR
 * socket with 400). The dev server runs on a copy of the sources so the test can edit a page
 * without touching the work tree or a dev server the developer has open.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../../scripts/build-state.ts';
import { launchChromium } from '../support/chromium.ts';
import { patient } from '../support/patience.ts';

let browser: Browser;
let dev: ChildProcess;
let copy: string;
let baseUrl: string;
const output: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST'));
}

beforeAll(async () => {
  // Inside the project (.tmp/ is ignored) so the copy resolves the project's node_modules
  // by walking up; a symlinked node_modules confuses Astro's compile cache.
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  copy = mkdtempSync(path.join(ROOT, '.tmp', 'dev-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
  }
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  dev = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: copy,
    // Vitest's own variables (VITEST, NODE_ENV=test…) would make Astro behave as under test.
    env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', PORT: String(port) },
    detached: true, // its own process group, so the whole tree can be stopped
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout?.on('data', (chunk) => output.push(String(chunk)));
  dev.stderr?.on('data', (chunk) => output.push(String(chunk)));
  const deadline = Date.now() + patient(45_000);
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(10_000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`astro dev did not come up:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await launchChromium();
  // Vite optimizes dependencies it meets on the first visits and then reloads the page once
  // (a dev-server behaviour, not the site's). Let that happen before the tests act.
  const page = await browser.newPage();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.goto(`${baseUrl}/start/how-labs-work/`, { waitUntil: 'networkidle' });
    await page.locator('section.lab[data-lab="datachannel-loopback"] [data-action="edit"]').click();
    const opened = await page
      .locator('section.lab[data-lab="datachannel-loopback"] .monaco-editor')
      .waitFor({ timeout: patient(20_000) })
      .then(() => true, () => false);
    if (opened) break;
  }
  await page.close();
}, patient(120_000));

afterAll(async () => {
  await browser?.close();
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  rmSync(copy, { recursive: true, force: true });
});

it('serves English and Korean pages and the broker', async () => {
  for (const page of ['/', '/ko/']) expect((await fetch(baseUrl + page)).status).toBe(200);
  const id = await fetch(`${baseUrl}/peerjs/peerjs/id`);
  expect(await id.text()).toMatch(/^[0-9a-f-]{36}$/);
});

it('runs a lab on the lab origin, as npm start does', async () => {
  const page = await browser.newPage();
  const seen: string[] = [];
  page.on('console', (m) => m.type() === 'error' && seen.push(m.text()));
  page.on('framenavigated', (f) => seen.push(`navigated ${f.url()}`));
  await page.goto(`${baseUrl}/start/how-labs-work/`);
  const section = page.locator('section.lab[data-lab="datachannel-loopback"]');
  await section.getByRole('button', { name: 'Solution', exact: true }).click();
  await section.getByRole('button', { name: 'Run', exact: true }).click();
  await page
    .waitForFunction(
      (el) => [...(el as HTMLElement).querySelectorAll('.lab-goals li')].every((li) => li.getAttribute('data-met') === 'true'),
      await section.elementHandle(),
      { timeout: patient(45_000) },
    )
    .catch(async (error: unknown) => {
      throw new Error(`goals not met in dev; the lab shows: ${await section.innerText()}\n${seen.join('\n')}`, { cause: error });
    });
  expect(new URL((await section.locator('iframe').getAttribute('src')) ?? '').host).toBe(`lab.${new URL(baseUrl).host}`);
  await page.close();
}, patient(90_000));

it('reloads an edited page while a broker socket is open', async () => {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
  const openBroker = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const ws = new window.WebSocket(`ws://${location.host}/peerjs/peerjs?key=peerjs&id=dev-${crypto.randomUUID()}&token=${crypto.randomUUID()}`);
          (window as unknown as { broker: WebSocket }).broker = ws;
          ws.onmessage = (e) => resolve(JSON.parse(String(e.data)).type);
          ws.onclose = (e) => resolve(`closed ${e.code}`);
        }),
    );
  expect(await openBroker()).toBe('OPEN');

  const marker = `Hot reload probe ${crypto.randomUUID()}`;
  const file = path.join(copy, 'src/content/docs/index.mdx');
  const reloaded = page.waitForEvent('load', { timeout: patient(30_000) });
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n${marker}\n`);
  await reloaded;
  await page.getByText(marker).waitFor({ timeout: patient(15_000) });
  // A fresh page after the reload gets the broker again. The dev server may reload the page a
  // second time (CI once destroyed the context mid-evaluate), so a navigation restarts the ask.
  expect(await afterNavigations(page, openBroker)).toBe('OPEN');
  await page.close();
});

/** Runs `ask` in the page, again after each navigation that interrupts it (at most three). */
async function afterNavigations<T>(page: Page, ask: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ask();
    } catch (error) {
      if (attempt >= 3 || !/Execution context was destroyed/.test(String(error))) throw error;
      await page.waitForLoadState('load');
    }
  }
}
