/**
 * One room, two browsers: the host in Chromium (playwright), the partner in Firefox (puppeteer
 * over WebDriver BiDi), through the real broker. Different codecs, candidate styles and SCTP
 * stacks; both goals of the video-call lab need frames decoded on both sides.
 */
import { expect, inject, it } from 'vitest';
import { useChromium } from '../support/chromium.ts';
import { useFirefox } from '../support/firefox.ts';
import { labSection, pageWithLab, pickPlainBox, waitForAllGoals } from '../support/labs.ts';
import { patient } from '../support/patience.ts';

const LAB = 'video-call';
const chromium = useChromium();
const firefox = useFirefox();

it('calls from Chromium to Firefox: each plays the other’s video', async () => {
  const host = await chromium().newPage();
  await pickPlainBox(host, inject('baseUrl'));
  await host.goto(inject('baseUrl') + pageWithLab(LAB));
  const hostLab = labSection(host, LAB);
  await hostLab.getByRole('button', { name: 'Solution', exact: true }).click();
  await hostLab.getByRole('button', { name: 'Run', exact: true }).click();
  const url = await hostLab.locator('.lab-pair-open').getAttribute('href');
  expect(url).toBeTruthy();

  const partner = await firefox().newPage({ type: 'window' });
  await partner.goto(url!);
  const run = await partner.waitForSelector(`section.lab[data-lab="${LAB}"] [data-action="run"]`);
  await partner.waitForSelector(`section.lab[data-lab="${LAB}"] .lab-pair-status[data-broker="connected"]`);
  await run?.click();

  await waitForAllGoals(hostLab, patient(30_000));
  const partnerLog = await partner.$eval(`section.lab[data-lab="${LAB}"] [role="log"]`, (el) => el.textContent ?? '');
  expect(partnerLog).toContain('caller video arrived');
  await partner.close();
  await host.close();
});
