/**
 * Labs in Korean, and progress: a lesson whose labs all met their goals is marked done in
 * the sidebar, in both locales, and stays done after a reload.
 */
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from '../support/chromium.ts';
import { labSection, pageWithLab, pickPlainBox, waitForAllGoals } from '../support/labs.ts';

const baseUrl = inject('baseUrl');
const browser = useChromium();

const LESSON = pageWithLab('camera-to-video');

async function solve(page: Page, id: string, names: { solution: string; run: string }): Promise<void> {
  const section = labSection(page, id);
  await section.getByRole('button', { name: names.solution, exact: true }).click();
  await section.getByRole('button', { name: names.run, exact: true }).click();
  await waitForAllGoals(section);
}

const sidebarLink = (page: Page) => page.locator(`nav.sidebar a[href$="${LESSON}"]`);

it('runs labs with Korean controls and labels', async () => {
  const page = await browser().newPage();
  await pickPlainBox(page, baseUrl);
  await page.goto(`${baseUrl}/ko${LESSON}`);
  const section = labSection(page, 'datachannel-loopback');
  await expect(section.getByRole('list', { name: '목표' }).getByRole('listitem').first().innerText()).resolves.toMatch(/^아직 달성하지 못함:/);
  await solve(page, 'datachannel-loopback', { solution: '정답 보기', run: '실행' });
  await section.getByRole('button', { name: '내 코드', exact: true }).waitFor();
  await section.getByRole('button', { name: '중지', exact: true }).waitFor();
  await section.getByRole('button', { name: '초기화', exact: true }).waitFor();
  expect(await section.locator('iframe').getAttribute('title')).toBe('실습 결과');
  await expect(section.getByRole('log', { name: '콘솔' }).innerText()).resolves.toContain('hello, peer');
  await expect(section.getByRole('list', { name: '목표' }).getByRole('listitem').first().innerText()).resolves.toMatch(/^달성:/);
  await page.close();
});

it('marks the lesson done in both locales once every lab on it met its goals', async () => {
  const context = await browser().newContext();
  const page = await context.newPage();
  await pickPlainBox(page, baseUrl);
  await page.goto(baseUrl + LESSON);
  expect(await sidebarLink(page).getAttribute('data-done')).toBeNull();
  await solve(page, 'camera-to-video', { solution: 'Solution', run: 'Run' });
  expect(await sidebarLink(page).getAttribute('data-done')).toBeNull(); // one lab of two
  await solve(page, 'datachannel-loopback', { solution: 'Solution', run: 'Run' });
  await labSection(page, 'datachannel-loopback').getByText('All goals met').waitFor();
  expect(await sidebarLink(page).getAttribute('data-done')).toBe('true');

  await page.reload();
  expect(await sidebarLink(page).innerText()).toContain('(done)');
  // Labs completed before show their goals met on a plain reading visit.
  await expect.poll(() => labSection(page, 'camera-to-video').locator('.lab-goals li[data-met="true"]').count()).toBe(1);
  expect(await labSection(page, 'camera-to-video').getByRole('listitem').first().innerText()).toMatch(/^met:/);

  await page.goto(`${baseUrl}/ko${LESSON}`);
  expect(await sidebarLink(page).innerText()).toContain('(완료)');
  await context.close();
});
