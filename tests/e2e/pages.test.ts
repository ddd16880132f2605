import { describe, expect, inject, it } from 'vitest';
import { countRequests, describeRequests, useChromium, watchForProblems } from '../support/chromium.ts';
import { axeViolations } from '../support/axe.ts';
import { listPages } from '../support/site-files.ts';
import { patient } from '../support/patience.ts';

const baseUrl = inject('baseUrl');
const browser = useChromium();

// The not-found page is one bilingual page (Starlight also mirrors it at /ko/404/).
const pages = listPages().filter((page) => !/\/404(?:\.html|\/)$/.test(page));

/**
 * axe-core on every page, in both languages, with every rule (WCAG 2.1 A and AA) in the light
 * theme, and colour contrast again in the dark one: the other rules do not depend on the theme.
 * About 0.3–1.6 s a page on an idle core (the longest lessons slowest), 38 s for all 50.
 */
describe('every page renders in its language with no console errors and no accessibility violations', () => {
  // Only that both URLs exist: Starlight fills a missing Korean page with the English one, so
  // whether each is really translated is checked on the sources (tests/server/korean-completeness.test.ts).
  it('builds every page at both locales’ URLs', () => {
    const english = pages.filter((p) => !p.startsWith('/ko/'));
    const korean = pages.filter((p) => p.startsWith('/ko/')).map((p) => p.slice(3));
    expect(korean.sort()).toEqual(english.sort());
    expect(pages).toContain('/');
    expect(pages).toContain('/ko/');
  });

  // Several pages at once: each waits for the network to be idle, and waiting is most of it.
  it.concurrent.for(pages)('%s', async (path, { expect }) => {
    const page = await browser().newPage();
    // Also fails a request that leaves this machine (tests/support/this-machine.ts).
    const problems = watchForProblems(page);
    const requests = countRequests(page);
    const response = await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    const lang = await page.getAttribute('html', 'lang');
    expect(lang).toBe(path.startsWith('/ko/') ? 'ko' : 'en');
    // Waited for, not sampled: on two busy cores the first layout can come after network idle.
    await page.locator('h1').first().waitFor({ state: 'visible' });
    // axe-core, WCAG 2.1 A and AA (tests/support/axe.ts). Expressive Code makes a code block that
    // scrolls focusable from a script once it has been laid out: checked after that.
    await page.waitForFunction(() => [...document.querySelectorAll('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')));
    const verdict = await axeViolations(page);
    expect(verdict.violations).toEqual([]);
    // Starlight follows the system's theme until the reader picks one, and so does Expressive Code.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'dark');
    const dark = await axeViolations(page, { only: ['color-contrast'] });
    expect(dark.violations, 'the dark theme').toEqual([]);
    expect(problems).toEqual([]);
    // The figures for the notes: what the page loaded from where, and what axe found.
    console.log(`${path}: ${describeRequests(requests)}; axe: ${verdict.passed} rules passed in the light theme, ${dark.passed} in the dark (colour contrast), 0 violations`);
    await page.close();
  });
});

describe('search', () => {
  it('finds Korean text on a Korean page, with Korean UI strings', async () => {
    const page = await browser().newPage();
    const problems = watchForProblems(page);
    await page.goto(`${baseUrl}/ko/`, { waitUntil: 'networkidle' });
    await page.keyboard.press('Control+k');
    const input = page.locator('dialog[open] input');
    await input.fill('시그널링');
    const summary = page.locator('dialog[open] .pagefind-ui__message');
    await summary.waitFor();
    await expect.poll(() => summary.textContent(), { timeout: patient(10_000) }).toMatch(/시그널링에 대한 검색 결과 \d+개/);
    expect(await page.locator('dialog[open] .pagefind-ui__result').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the turnserver.conf generator form', () => {
  it('follows what is typed, marks a wrong field, copies the file; in Korean its comments are Korean', async () => {
    const page = await browser().newPage();
    const problems = watchForProblems(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.goto(`${baseUrl}/nat/coturn/`);
    const output = page.locator('[data-turnconf-output]');
    await expect.poll(() => output.textContent()).toContain('realm=turn.example.org');

    await page.getByLabel('Domain (realm and server-name)').fill('turn.lab.test');
    await expect.poll(() => output.textContent()).toContain('\nrealm=turn.lab.test\n');
    const publicIp = page.getByLabel('Public IP address (external-ip)');
    await publicIp.fill('203.0.113');
    await expect.poll(() => publicIp.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.locator('#turnconf-externalIp-error').textContent()).toBe('Not an IP address.');
    expect(await page.locator('[data-turnconf-copy]').isDisabled()).toBe(true);
    await publicIp.fill('203.0.113.20');
    await expect.poll(() => output.textContent()).toContain('\nexternal-ip=203.0.113.20\n');

    await page.getByLabel('Fixed users (lt-cred-mech)').check();
    await expect.poll(() => output.textContent()).toContain('\nlt-cred-mech\n# A user as name:password (turnadmin -a can keep users in the database instead).\nuser=alice:REPLACE_ME\n');
    expect(await page.getByLabel('Shared secret (static-auth-secret)').isVisible()).toBe(false);

    await page.locator('[data-turnconf-copy]').click();
    await expect.poll(() => page.locator('[data-turnconf-status]').textContent()).toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await output.textContent());
    expect(problems).toEqual([]);

    await page.goto(`${baseUrl}/ko/nat/coturn/`);
    expect(await output.textContent()).toMatch(/# 10\.0\.0\.0\/8: 사설망 \(RFC 1918\)\ndenied-peer-ip=10\.0\.0\.0-10\.255\.255\.255\n/);
    await page.close();
  });
});
