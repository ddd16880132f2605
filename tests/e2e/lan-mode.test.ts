/**
 * `npm start -- --lan`: the site and its lab origin over HTTPS on a LAN address (here
 * 10.99.0.1, which the test namespace puts on `lo`), with the locally made certificate, reused
 * on restart; and a call between a laptop's tab on http://localhost and a "phone" that opened the
 * QR code's https address, which runs the lab on the LAN lab origin and meets the partner goals.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST } from '../../scripts/build-state.ts';
import { readServerConfig } from '../../src/server/config.ts';
import { startSiteServer, type SiteServer } from '../../src/server/site-server.ts';
import { useChromium } from '../support/chromium.ts';
import { labSection, pageWithLab, pickPlainBox, waitForAllGoals, waitForRunEnd } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

// Inside the test namespace 10.99.0.1 is on lo; elsewhere (WEBRTC_LAB_NO_NETNS) any 127/8 address is.
const ADDRESS = process.env['IN_NETNS'] === '1' ? '10.99.0.1' : '127.0.0.3';
const LAN_PORT = 14443;
const SITE = `https://${ADDRESS}:${LAN_PORT}`;
const LAB_ORIGIN = `https://${ADDRESS}:${LAN_PORT + 1}`;
const certDir = mkdtempSync(path.join(tmpdir(), 'lan-cert-'));
const browser = useChromium();
const pages: Page[] = [];
let server: SiteServer | null = null;

function start(): Promise<SiteServer> {
  const env = { PORT: '0', HOST: '127.0.0.1', LAN: '1', LAN_HOST: ADDRESS, LAN_PORT: String(LAN_PORT), LAN_CERT_DIR: certDir };
  return startSiteServer({ distDir: DIST, config: readServerConfig(env, {}), log: () => {} });
}

/** One HTTPS request, trusting nothing but reading what was presented: the certificate and the answer. */
function fetchTls(origin: string, pathname: string): Promise<{ cert: X509Certificate; status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    // The certificate is self-signed by design: the test checks it by its fingerprint instead.
    const req = request(`${origin}${pathname}`, { rejectUnauthorized: false, agent: false }, (res) => {
      const cert = res.socket && 'getPeerX509Certificate' in res.socket ? (res.socket as import('node:tls').TLSSocket).getPeerX509Certificate() : undefined;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => (cert ? resolve({ cert, status: res.statusCode ?? 0, headers: res.headers, body }) : reject(new Error('no peer certificate'))));
    });
    req.on('error', reject);
    req.end();
  });
}

afterAll(async () => {
  for (const page of pages.splice(0)) await page.context().close().catch(() => undefined);
  await server?.close();
  rmSync(certDir, { recursive: true, force: true });
});

describe('LAN mode', () => {
  it('serves the site and the lab origin over HTTPS with a certificate naming the address, and reuses it after a restart', async () => {
    server = await start();
    expect(server.lan?.certificate.reused).toBe(false);
    const fingerprint = server.lan?.certificate.fingerprint;
    const site = await fetchTls(SITE, '/lab-config.json');
    expect(site.cert.fingerprint256).toBe(fingerprint);
    expect(site.cert.checkIP(ADDRESS)).toBe(ADDRESS);
    expect(site.cert.subjectAltName).toContain(`IP Address:${ADDRESS}`);
    expect(JSON.parse(site.body)).toMatchObject({ labOrigin: LAB_ORIGIN, siteOrigins: [SITE], lanOrigin: SITE });
    // The lab origin: the same certificate, the frame's policy naming only this LAN site and its own wss.
    const frame = await fetchTls(LAB_ORIGIN, '/lab-frame/');
    expect(frame.status).toBe(200);
    expect(frame.cert.fingerprint256).toBe(fingerprint);
    const policy = String(frame.headers['content-security-policy']);
    expect(policy).toMatch(new RegExp(`frame-ancestors ${SITE}(;|$)`));
    expect(policy).toContain(`connect-src 'self' wss://${ADDRESS}:${LAN_PORT + 1} blob:`);
    expect(policy).not.toContain('localhost');

    await server.close();
    server = await start();
    expect(server.lan?.certificate.reused).toBe(true);
    expect((await fetchTls(SITE, '/')).cert.fingerprint256).toBe(fingerprint);
  });

  it('lets a phone on the https LAN origin, from the QR code of a laptop tab on localhost, join a call and meet the partner goals', async () => {
    server ??= await start();
    const lab = 'video-call';
    // The laptop: its own machine, plain http://localhost.
    const laptop = await (await browser().newContext()).newPage();
    pages.push(laptop);
    await pickPlainBox(laptop, `http://localhost:${server.port}`);
    await laptop.goto(`http://localhost:${server.port}${pageWithLab(lab)}`);
    const laptopLab = labSection(laptop, lab);
    await laptopLab.getByRole('button', { name: 'Solution', exact: true }).click();
    await laptopLab.getByRole('button', { name: 'Run', exact: true }).click();
    const qr = laptopLab.locator('.lab-pair-qr-image svg');
    await expect.poll(() => qr.getAttribute('aria-label')).toContain(SITE);
    const phoneUrl = ((await qr.getAttribute('aria-label')) ?? '').replace(/^QR code of /, '');
    expect(await laptopLab.locator('.lab-pair-qr .lab-pair-hint').textContent()).toContain(SITE);

    // The phone: accepted the certificate warning (ignoreHTTPSErrors), opened the QR code's address.
    const phone = await (await browser().newContext({ ignoreHTTPSErrors: true })).newPage();
    pages.push(phone);
    await phone.goto(phoneUrl);
    const phoneLab = labSection(phone, lab);
    await phoneLab.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForAllGoals(laptopLab, patient(30_000));
    expect(await phoneLab.locator('.lab-frame-slot iframe').getAttribute('src')).toMatch(new RegExp(`^${LAB_ORIGIN}/lab-frame/`));
    expect(await phone.evaluate(() => window.isSecureContext)).toBe(true);
  });

  it('served over plain http on a network address instead: a capture lab says why it gets no camera and what to open, in both languages', async () => {
    const port = 14480;
    const env = { PORT: String(port), HOST: ADDRESS, SITE_ORIGIN: `http://${ADDRESS}:${port}` };
    const plain = await startSiteServer({ distDir: DIST, config: readServerConfig(env, {}), log: () => {} });
    try {
      const cases = [
        { prefix: '', lab: 'camera-to-video', run: 'Run', text: 'Browsers do not count that as secure' },
        { prefix: '/ko', lab: 'camera-to-video', run: '실행', text: '브라우저는 이런 페이지를 안전하지 않다고 보고' },
        { prefix: '', lab: 'datachannel-loopback', run: 'Run', text: null },
      ] as const;
      for (const { prefix, lab, run, text } of cases) {
        const page = await browser().newPage();
        pages.push(page);
        await page.goto(`http://${ADDRESS}:${port}${prefix}${pageWithLab(lab)}`);
        expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
        const section = labSection(page, lab);
        await section.getByRole('button', { name: run, exact: true }).click();
        const notices = section.locator('.lab-notices');
        if (text) {
          await notices.getByText(text).waitFor();
          expect(await notices.innerText()).toContain('npm start -- --lan');
        } else {
          // A data channel needs no secure context: that lab runs, and says nothing about it.
          expect(await waitForRunEnd(section)).toBe('done');
          expect(await notices.innerText()).not.toContain('secure');
        }
      }
    } finally {
      await plain.close();
    }
  });
});
