/**
 * Debian's Firefox ESR, driven headless by puppeteer-core over WebDriver BiDi (Playwright 1.65
 * cannot drive ESR 153 over BiDi). puppeteer-core never downloads a browser.
 * Prefs measured in shared/reference/firefox-esr-testing.md: fake media without prompts,
 * loopback ICE, a mock sound device, and a profile that contacts nothing but loopback.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { PLAIN_EDITOR_PICK, pickPlainEditor } from './labs.ts';
import { thirdParty } from './this-machine.ts';
import { patient } from './patience.ts';

export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

const MEDIA_PREFS = {
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  // A fake capture counts as "capturing" only with this; otherwise ICE drops loopback addresses.
  'media.navigator.permission.fake': true,
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  // No sound card here: without a mock device every AudioContext stays 'suspended'.
  'media.cubeb.force_mock_context': true,
  // 15 frames a second where a lab asks no rate, as Chromium's fake camera here (see chromium.ts):
  // measured, the fake camera then delivers 16 frames/s instead of 30, halving what every call
  // encodes and decodes on the suite's two cores.
  'media.navigator.video.default_fps': 15,
};

/** Background traffic off, on top of puppeteer's own defaults. */
const QUIET_PREFS = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.passwords.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.newtabpage.activity-stream.showSponsored': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'browser.topsites.contile.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.discovery.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.search.update': false,
  'browser.translations.enable': false,
  'browser.ml.enable': false,
  'browser.aboutwelcome.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.usage.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'toolkit.telemetry.server': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'network.proxy.type': 0,
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.pocket.enabled': false,
  'identity.fxaccounts.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  // Honoured only with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 in the environment (see below).
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'geo.provider.network.url': '',
  // No OpenH264 download: Firefox's WebRTC video here is VP8/VP9/AV1 only.
  'media.gmp-manager.updateEnabled': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
};

export const FIREFOX_PREFS: Readonly<Record<string, boolean | number | string>> = { ...MEDIA_PREFS, ...QUIET_PREFS };

/** Every page the tests open waits as long as a slow day needs (puppeteer's own default is 30 s). */
function patientPages(browser: Browser): Browser {
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...options) => {
    const page = await newPage(...options);
    page.setDefaultTimeout(patient(30_000));
    return page;
  };
  return browser;
}

/**
 * A Firefox with a fresh profile; closing it through the returned function also deletes the profile.
 * `prefs` override the suite's own, for a test about a default the suite changes.
 */
export async function launchFirefox(prefs: Readonly<Record<string, boolean | number | string>> = {}): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'webrtc-lab-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: { ...FIREFOX_PREFS, ...prefs },
    // Refuses every non-local socket, and makes ESR honour services.settings.server.
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
  });
  return {
    browser: patientPages(browser),
    close: async () => {
      await browser.close();
      // puppeteer leaves a profile it was given; each is ~36 MB.
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** pickPlainBox (labs.ts) for a Firefox page: the plain box picked before the page's scripts run. */
export async function pickPlainBoxInFirefox(page: Page, siteUrl: string): Promise<void> {
  await page.evaluateOnNewDocument(pickPlainEditor, { ...PLAIN_EDITOR_PICK, origin: new URL(siteUrl).origin });
}

/** Collects everything a page reports as wrong: console errors, uncaught exceptions, failed requests. */
export function watchFirefoxProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    // Over BiDi, a frame the page removed (a new Run replaces the last run's frame) reports its
    // document request as failed: the page's own doing, not a problem.
    if (reason === FRAME_REMOVED) return;
    problems.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // The no-third-party promise: every request goes to this machine.
  page.on('request', (request) => {
    const elsewhere = thirdParty(request.url());
    if (elsewhere) problems.push(`third-party request: ${elsewhere}`);
  });
  return problems;
}

const FRAME_REMOVED = 'Browsing context already closed.';

/** One Firefox for a test file: launched before its tests, closed after. Call at the top level. */
export function useFirefox(): () => Browser {
  let running: Awaited<ReturnType<typeof launchFirefox>> | undefined;
  beforeAll(async () => {
    running = await launchFirefox();
  });
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (!running) throw new Error('Firefox is not running yet: use the browser inside a test or hook');
    return running.browser;
  };
}

/**
 * A Firefox with site isolation as learners have it. puppeteer.launch() forces
 * `fission.webContentIsolationStrategy` to 0 (all web content in one process, for its mouse
 * events), whatever prefs it is given; so this one is started here, with Firefox's default (1,
 * a process per site), and puppeteer connects to its WebDriver BiDi endpoint.
 */
export async function launchFirefoxSiteIsolated(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'webrtc-lab-firefox-'));
  const prefs = { ...FIREFOX_PREFS, 'fission.webContentIsolationStrategy': 1 };
  writeFileSync(path.join(profile, 'user.js'), Object.entries(prefs).map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`).join('\n'));
  const child = spawn(FIREFOX_PATH, ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile], {
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not open WebDriver BiDi:\n${seen}`)), patient(30_000));
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${seen}`)));
  });
  const browser = patientPages(await puppeteer.connect({ browserWSEndpoint: `${endpoint}/session`, protocol: 'webDriverBiDi' }));
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null) {
        child.kill();
        await once(child, 'exit');
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
