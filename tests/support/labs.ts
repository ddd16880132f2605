/** Driving labs in a lesson page the way a learner does: buttons, the editor, the output. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { ROOT } from '../../scripts/build-state.ts';
import type { FeedEvent } from '../../src/lib/feed.ts';
import { parseLab, type LabMeta } from '../../src/lib/lab-schema.ts';
import { EDITOR_KEY } from '../../src/lib/storage-keys.ts';
import { listPages, readPage } from './site-files.ts';
import { patient } from './patience.ts';

export const LAB_IDS = readdirSync(path.join(ROOT, 'src/labs'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/**
 * Labs that restart the site's coturn (needs 'turnRestart'): every relay on it ends, so they run
 * against a server and coturn of their own (tests/e2e/lab-turn-restart.test.ts), never beside
 * other tests' relays. The lab suites run every other lab.
 */
export const OWN_TURN_LAB_IDS: readonly string[] = await labsNeeding('turnRestart');
export const SHARED_SITE_LAB_IDS: readonly string[] = LAB_IDS.filter((id) => !OWN_TURN_LAB_IDS.includes(id));

async function labsNeeding(need: LabMeta['needs'][number]): Promise<string[]> {
  const metas = await Promise.all(LAB_IDS.map(async (id) => ({ id, meta: await labMeta(id) })));
  return metas.filter(({ meta }) => meta.needs.includes(need)).map(({ id }) => id);
}

/** A lab's lab.ts, through the schema (defaults applied). */
export async function labMeta(id: string): Promise<LabMeta> {
  const module = (await import(path.join(ROOT, 'src/labs', id, 'lab.ts'))) as { default: unknown };
  return parseLab(id, module.default);
}

/** Ids of the goals the lab panel shows as met. */
export async function metGoalIds(section: Locator): Promise<string[]> {
  return section.locator('.lab-goals li[data-met="true"]').evaluateAll((items) => items.map((li) => li.getAttribute('data-goal') ?? ''));
}

/** Does what the lab's steps say a learner does in its output: clicks, each after its goal if it names one. */
export async function performSteps(section: Locator, steps: LabMeta['steps'], timeout = patient(20_000)): Promise<void> {
  const frame = section.frameLocator('.lab-frame-slot iframe');
  for (const step of steps) {
    if (step.after !== undefined) {
      await section.locator(`.lab-goals li[data-goal="${step.after}"][data-met="true"]`).waitFor({ timeout });
    }
    await frame.locator(step.click).click({ timeout });
  }
}

/**
 * What the lab suites' learner has picked: the plain text box (the "Use a plain text box instead"
 * under Monaco). The suites judge each lab's code, not the editor, and Monaco with its TypeScript
 * worker was half the CPU of a short lab there (3.5 of 7 CPU-s in Chromium). Measured on one half
 * of each suite: 133 → 109 CPU-s in Chromium, 159 → 125 in Firefox. Monaco's own paths (Solution,
 * My code, drafts, type errors) are tested in lab-runtime.test.ts and beside it. Run in the page
 * before its scripts, with the site's origin: `pickPlainEditor({ ...PLAIN_EDITOR_PICK, origin })`.
 */
export const PLAIN_EDITOR_PICK = { key: EDITOR_KEY, value: 'plain' } as const;
export function pickPlainEditor({ origin, key, value }: { origin: string; key: string; value: string }): void {
  // The init script runs in the lab frame too, on the lab origin, which keeps no such pick.
  if (location.origin === origin) localStorage.setItem(key, value);
}

/** A test whose learner's editor is beside the point: the plain box picked, as the lab suites do (PLAIN_EDITOR_PICK). */
export async function pickPlainBox(page: Page, siteUrl: string): Promise<void> {
  await page.addInitScript(pickPlainEditor, { ...PLAIN_EDITOR_PICK, origin: new URL(siteUrl).origin });
}

/** The first reading page (English) that embeds the lab. */
export function pageWithLab(id: string): string {
  // The lab's own section, not a mention such as a row of the verified-labs table.
  const section = new RegExp(`<section[^>]*\\sdata-lab="${id}"`);
  const page = listPages().find((p) => !p.startsWith('/ko/') && section.test(readPage(p)));
  if (!page) throw new Error(`no page embeds lab ${id}`);
  return page;
}

/** The lab frame's document (the lab origin's), as playwright reaches it for evaluation. */
export function labFrame(page: Page): Frame {
  const frame = page.frames().find((each) => each.url().includes('/lab-frame/'));
  if (!frame) throw new Error('no lab frame in the page');
  return frame;
}

export function labSection(page: Page, id: string): Locator {
  return page.locator(`section.lab[data-lab="${id}"]`);
}

interface LabState {
  feed(): FeedEvent[];
  files(): Record<string, string>;
}

/**
 * What the lab's controller exposes on its section (`labState`). Missing means the controller
 * never activated this lab, and an empty feed would then prove nothing: so it throws.
 */
async function labState<T>(section: Locator, read: 'feed' | 'files'): Promise<T> {
  const outcome = await section.evaluate((el, which) => {
    const state = (el as HTMLElement & { labState?: LabState }).labState;
    return state ? { value: state[which]() } : null;
  }, read);
  if (!outcome) throw new Error(`lab ${await section.getAttribute('data-lab')}: no labState on its section (the lab controller has not activated it)`);
  return outcome.value as T;
}

export function feedOf(section: Locator): Promise<FeedEvent[]> {
  return labState(section, 'feed');
}

export function filesOf(section: Locator): Promise<Record<string, string>> {
  return labState(section, 'files');
}

/** Waits until the run finished its top-level code (or failed), then returns its end state. */
export async function waitForRunEnd(section: Locator, timeout = patient(20_000)): Promise<string> {
  const ended = await section
    .page()
    .waitForFunction((el) => ['done', 'error', 'failed'].includes((el as HTMLElement).dataset['run'] ?? ''), await section.elementHandle(), { timeout })
    .then(
      () => true,
      () => false,
    );
  if (!ended) throw new Error(`the run did not end within ${timeout} ms: ${await runSituation(section)}`);
  return (await section.getAttribute('data-run')) ?? '';
}

/** What a stuck run looked like, for the failure message: its state, the notices and the feed's tail. */
async function runSituation(section: Locator): Promise<string> {
  const run = await section.getAttribute('data-run');
  const active = await section.getAttribute('data-active');
  const notices = await section.locator('.lab-notices').allInnerTexts().catch(() => []);
  const feed = await feedOf(section).catch((error: unknown) => String(error));
  const tail = Array.isArray(feed) ? feed.slice(-8).map((event) => JSON.stringify(event).slice(0, 200)) : [feed];
  const frames = await section.locator('.lab-frame-slot iframe').count();
  return `data-run=${run} data-active=${active} frames=${frames} notices=${JSON.stringify(notices)} feed tail:\n  ${tail.join('\n  ')}`;
}

export async function waitForAllGoals(section: Locator, timeout = patient(20_000)): Promise<void> {
  const met = await section
    .page()
    .waitForFunction((el) => [...(el as HTMLElement).querySelectorAll('.lab-goals li')].every((li) => li.getAttribute('data-met') === 'true'), await section.elementHandle(), { timeout })
    .then(
      () => true,
      () => false,
    );
  if (met) return;
  // Which goals, and where the run and the room were: what a flake under load needs to be read.
  const unmet = await section.locator('.lab-goals li:not([data-met="true"])').evaluateAll((items) => items.map((li) => li.getAttribute('data-goal') ?? ''));
  // evaluateAll, not evaluate: it does not wait for a pair panel a lab may not have.
  const [pair = 'none'] = await section.locator('.lab-pair-status').evaluateAll((els) => els.map((el) => JSON.stringify((el as HTMLElement).dataset)));
  throw new Error(`goals unmet after ${timeout} ms: ${unmet.join(', ')}; pair panel ${pair}; ${await runSituation(section)}`);
}

/** The connections a lab's Inspector must name after this feed: every one the lab's code made. */
export function inspectedConnections(feed: readonly FeedEvent[]): string[] {
  return [...new Set(feed.flatMap((event) => (event.type === 'pc-created' ? [event.pc] : [])))];
}

/**
 * Waits until the lab's Inspector names every connection of the feed in its one-line summary.
 * Only the closed panel: opening it in every lab (SDP explained, five charts per connection) cost
 * the CI run over a minute; tests/e2e/inspector.test.ts opens it.
 */
export async function expectInspector(section: Locator, feed: readonly FeedEvent[]): Promise<void> {
  const pcs = inspectedConnections(feed);
  if (pcs.length === 0) return;
  await section.page().waitForFunction(
    ({ el, ids }) => {
      const text = el?.querySelector('details.lab-inspector > summary')?.textContent ?? '';
      return ids.every((pc) => text.includes(`${pc}: `));
    },
    { el: await section.elementHandle(), ids: pcs },
    { timeout: patient(15_000) },
  );
}

export function consoleText(section: Locator): Promise<string> {
  return section.locator('[role="log"]').innerText();
}

/**
 * For a pairing lab: opens the partner link the host's pair panel offers in a new page of the same
 * browser, and runs the partner's code there, as a learner clicking "Open partner tab" and Run does.
 */
export async function openPartner(host: Page, id: string, taken: readonly string[] = [], runLabel = 'Run'): Promise<{ page: Page; section: Locator; url: string }> {
  const link = labSection(host, id).locator('.lab-pair-open');
  await link.waitFor();
  // In a mesh the link moves to the next free seat once the host hears the last tab opened.
  const url = await waitForNewHref(link, taken);
  if (!url) throw new Error(`lab ${id}: the pair panel offers no partner link`);
  // A page of its own context, as a second window would be (playwright's browser.newPage()).
  const browser = host.context().browser();
  if (!browser) throw new Error('no browser behind the host page');
  const page = await browser.newPage();
  await page.goto(url);
  const section = labSection(page, id);
  await section.getByRole('button', { name: runLabel, exact: true }).click();
  return { page, section, url };
}

async function waitForNewHref(link: Locator, taken: readonly string[], timeout = patient(10_000)): Promise<string | null> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const url = await link.getAttribute('href');
    if (url && !taken.includes(url)) return url;
    if (Date.now() > deadline) throw new Error(`the pair panel still offers a seat already opened (${url})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * How many partner tabs the lab suites open: one for a pair; two for a mesh, the smallest room
 * that tells a mesh from a pair (tests/e2e/mesh.test.ts fills all four seats once).
 */
export function suitePartners(meta: LabMeta): number {
  if (!meta.needs.includes('pairing')) return 0;
  return meta.room.size > 2 ? 2 : 1;
}

/** Opens `count` partner tabs, one seat after another. */
export async function openPartners(host: Page, id: string, count: number, runLabel = 'Run'): Promise<Array<{ page: Page; section: Locator }>> {
  const opened: Array<{ page: Page; section: Locator; url: string }> = [];
  for (let index = 0; index < count; index += 1) opened.push(await openPartner(host, id, opened.map((partner) => partner.url), runLabel));
  return opened;
}
