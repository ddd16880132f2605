/**
 * The local coturn from real browsers: relay candidates over UDP and TCP with credentials from
 * turnCredentials() in a lab frame, a wrong credential's 401, and what each browser does with
 * `turns:` while the certificate is self-signed (measured, then asserted here):
 * - Chromium: no relay candidate, an icecandidateerror 701 "Failed to establish connection";
 *   with --ignore-certificate-errors the same server gives a TLS relay candidate, so the
 *   certificate is the only reason.
 * - Firefox: `turns:` to an IP literal is skipped, with no connection and no error event;
 *   `turns:localhost` connects, refuses the certificate and reports 701, no relay candidate.
 * Relay-only (iceTransportPolicy 'relay'), or gathering stops once host candidates connect.
 */
import { describe, expect, inject, it } from 'vitest';
import { chromium } from 'playwright-core';
import { transform } from 'sucrase';
import { shareHash, encodeShare } from '../../src/lib/share-code.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, useChromium } from '../support/chromium.ts';
import { launchFirefox } from '../support/firefox.ts';
import { consoleText, labSection, pageWithLab, pickPlainBox, waitForRunEnd } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const baseUrl = inject('baseUrl');
const turn = inject('turn');
const LAB = 'datachannel-loopback';
const browser = useChromium();

interface Gathered {
  /** relayProtocol of each relay candidate (how the browser reached the TURN server). */
  relays: string[];
  errors: Array<{ code: number; url: string }>;
}

/** Relay-only gathering, written as a learner would; the same source runs in the lab frame and in plain pages. */
const GATHER = `async function gather(iceServers: RTCIceServer[]) {
  const pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
  const errors: Array<{ code: number; url: string }> = [];
  pc.onicecandidateerror = (event) => errors.push({ code: event.errorCode, url: event.url });
  pc.createDataChannel('probe');
  const complete = new Promise<void>((resolve) => {
    pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === 'complete') resolve(); };
    setTimeout(resolve, 8000);
  });
  await pc.setLocalDescription(await pc.createOffer());
  await complete;
  const relays: string[] = [];
  (await pc.getStats()).forEach((s) => { if (s.type === 'local-candidate' && s.candidateType === 'relay') relays.push(s.relayProtocol); });
  pc.close();
  return { relays, errors };
}`;

/** The same function for page.evaluate, its types stripped as the lab runner strips them. */
const GATHER_JS = transform(GATHER, { transforms: ['typescript'] }).code;

const LAB_CODE = `import { log, turnCredentials } from 'lab';
${GATHER}
const results: Record<string, unknown> = {};
for (const transport of ['udp', 'tcp', 'tls'] as const) {
  results[transport] = await gather(await turnCredentials({ transports: [transport] }));
}
const [server] = await turnCredentials({ transports: ['udp'] });
results['wrong'] = await gather([{ ...server, credential: 'wrong' }]);
log('RESULT ' + JSON.stringify(results));
`;

async function credentials(): Promise<{ urls: string[]; username: string; credential: string }> {
  const answer = await fetch(`${baseUrl}/turn-credentials.json`);
  const body = (await answer.json()) as { iceServers: Array<{ urls: string[]; username: string; credential: string }> };
  const server = body.iceServers[0];
  if (!server) throw new Error(`no TURN server in ${JSON.stringify(body)}`);
  return server;
}

const urlOf = (urls: readonly string[], prefix: string): string => {
  const url = urls.find((each) => each.startsWith(prefix));
  if (!url) throw new Error(`no ${prefix} URL in ${urls.join(' ')}`);
  return url;
};

describe.skipIf(!turn.running && process.env['NO_TURN'] === '1')('TURN through the local coturn', () => {
  it('Chromium: turnCredentials() relays over UDP and TCP, refuses the self-signed TLS certificate (701), and a wrong credential gets 401', async () => {
    expect(turn, 'the e2e server found no coturn: bash scripts/install-test-system.sh').toMatchObject({ running: true });
    const page = await browser().newPage();
    const lab = LAB;
    await pickPlainBox(page, baseUrl);
    await page.goto(`${baseUrl}${pageWithLab(lab)}${shareHash(lab, await encodeShare({ lab, files: { 'main.ts': LAB_CODE } }))}`);
    const section = labSection(page, lab);
    await section.locator('.lab-code > textarea').waitFor();
    await section.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRunEnd(section, patient(40_000));
    const text = await consoleText(section);
    const json = /RESULT (\{.*\})/.exec(text)?.[1];
    expect(json, text).toBeDefined();
    const results = JSON.parse(json ?? '{}') as Record<'udp' | 'tcp' | 'tls' | 'wrong', Gathered>;
    expect(results.udp).toEqual({ relays: ['udp'], errors: [] });
    expect(results.tcp).toEqual({ relays: ['tcp'], errors: [] });
    expect(results.tls.relays).toEqual([]);
    expect(results.tls.errors.map((e) => [e.code, e.url.split(':')[0]])).toEqual([[701, 'turns']]);
    expect(results.wrong.relays).toEqual([]);
    expect(results.wrong.errors.map((e) => e.code)).toEqual([401]);
    await page.close();

    // The control: the same server and certificate, certificate checks off → a TLS relay candidate.
    const trusting = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'], headless: true });
    try {
      const plain = await trusting.newPage();
      await plain.goto(`${baseUrl}/`);
      const server = await credentials();
      const tls = (await plain.evaluate(`(${GATHER_JS})(${JSON.stringify([{ ...server, urls: [urlOf(server.urls, 'turns:')] }])})`)) as Gathered;
      expect(tls).toEqual({ relays: ['tls'], errors: [] });
    } finally {
      await trusting.close();
    }
  });

  it('Firefox: uses a TURN server on 127.0.0.1 over UDP and TCP; skips turns: to an IP silently; refuses the self-signed certificate by name (701)', async () => {
    expect(turn).toMatchObject({ running: true });
    const firefox = await launchFirefox();
    try {
      const page = await firefox.browser.newPage();
      await page.goto(`${baseUrl}/`);
      const server = await credentials();
      const gather = async (urls: string[], credential = server.credential): Promise<Gathered> =>
        (await page.evaluate(`(${GATHER_JS})(${JSON.stringify([{ ...server, urls, credential }])})`)) as Gathered;
      const tlsByName = urlOf(server.urls, 'turns:');
      const tlsByIp = tlsByName.replace('turns:localhost:', 'turns:127.0.0.1:');
      const [udp, tcp, byName, byIp, wrong] = [
        await gather([urlOf(server.urls, 'turn:127.0.0.1')]),
        await gather([urlOf(server.urls, 'turn:127.0.0.1').replace('transport=udp', 'transport=tcp')]),
        await gather([tlsByName]),
        await gather([tlsByIp]),
        await gather([urlOf(server.urls, 'turn:127.0.0.1')], 'wrong'),
      ];
      expect(udp.relays.length).toBeGreaterThan(0);
      expect(new Set(udp.relays)).toEqual(new Set(['udp']));
      expect(new Set(tcp.relays)).toEqual(new Set(['tcp']));
      expect(byName.relays).toEqual([]);
      expect(byName.errors.length).toBeGreaterThan(0);
      expect(new Set(byName.errors.map((e) => e.code))).toEqual(new Set([701]));
      expect(byIp).toEqual({ relays: [], errors: [] });
      expect(wrong.relays).toEqual([]);
      expect(new Set(wrong.errors.map((e) => e.code))).toEqual(new Set([401]));
    } finally {
      await firefox.close();
    }
  });
});
