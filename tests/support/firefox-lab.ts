/**
 * A lab's section in a Firefox page, driven through puppeteer-core: found, its toolbar buttons
 * found and clicked by their words, its goals waited for. Shared by the Firefox lab suite and the
 * Firefox scenarios that use a lab as a learner does.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { patient } from './patience.ts';

export type Section = ElementHandle<Element>;

export async function openSection(page: Page, id: string): Promise<Section> {
  const section = await page.waitForSelector(`section.lab[data-lab="${id}"]`);
  if (!section) throw new Error(`no section for lab ${id}`);
  return section;
}

/** The lab toolbar button whose text is exactly `name`, once it is there and enabled. */
export async function toolbarButton(page: Page, section: Section, name: string): Promise<ElementHandle<HTMLButtonElement>> {
  await page.waitForFunction(
    (el, text) => [...el.querySelectorAll('button')].some((b) => b.textContent?.trim() === text && !b.disabled && !b.hidden),
    { timeout: patient(15_000) },
    section,
    name,
  );
  return (await section.evaluateHandle(
    (el, text) => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === text && !b.disabled && !b.hidden),
    name,
  )) as ElementHandle<HTMLButtonElement>;
}

export async function clickButton(page: Page, section: Section, name: string): Promise<void> {
  await (await toolbarButton(page, section, name)).click();
}

export async function waitForAllGoals(page: Page, section: Section, timeout: number): Promise<void> {
  await page.waitForFunction(
    (el) => [...el.querySelectorAll('.lab-goals li')].every((li) => li.getAttribute('data-met') === 'true'),
    { timeout },
    section,
  );
}
