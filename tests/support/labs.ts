/** Driving labs in a lesson page the way a learner does: buttons, the editor, the output. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from '../../scripts/build-state.ts';
import type { FeedEvent } from '../../src/lib/feed.ts';
import { listPages, readPage } from './site-files.ts';

export const LAB_IDS = readdirSync(path.join(ROOT, 'src/labs'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The first reading page (English) that embeds the lab. */
export function pageWithLab(id: string): string {
  const page = listPages().find((p) => !p.startsWith('/ko/') && readPage(p).includes(`data-lab="${id}"`));
  if (!page) throw new Error(`no page embeds lab ${id}`);
  return page;
}

export function labSection(page: Page, id: string): Locator {
  return page.locator(`section.lab[data-lab="${id}"]`);
}

interface LabState {
  feed(): FeedEvent[];
  files(): Record<string, string>;
}

export async function feedOf(section: Locator): Promise<FeedEvent[]> {
  return section.evaluate((el) => (el as HTMLElement & { labState?: LabState }).labState?.feed() ?? []);
}

export async function filesOf(section: Locator): Promise<Record<string, string>> {
  return section.evaluate((el) => (el as HTMLElement & { labState?: LabState }).labState?.files() ?? {});
}

/** Waits until the run finished its top-level code (or failed), then returns the feed. */
export async function waitForRunEnd(section: Locator, timeout = 20_000): Promise<string> {
  await section.page().waitForFunction((el) => ['done', 'error'].includes((el as HTMLElement).dataset['run'] ?? ''), await section.elementHandle(), { timeout });
  return (await section.getAttribute('data-run')) ?? '';
}

export async function waitForAllGoals(section: Locator, timeout = 20_000): Promise<void> {
  await section.page().waitForFunction(
    (el) => [...(el as HTMLElement).querySelectorAll('.lab-goals li')].every((li) => li.getAttribute('data-met') === 'true'),
    await section.elementHandle(),
    { timeout },
  );
}

export function consoleText(section: Locator): Promise<string> {
  return section.locator('[role="log"]').innerText();
}
