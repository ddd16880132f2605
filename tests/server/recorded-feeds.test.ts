/**
 * The goal board on feeds recorded from real runs of every lab in Chromium (RECORD_FEEDS=1
 * npm test -- tests/e2e/labs.test.ts writes them): each solution's feed meets every goal of
 * its lab, each starter's leaves one unmet. So every goal kind a lab uses is judged here on
 * what a browser really reported, not only on hand-made events. A pairing lab's partner tab has
 * its own recording (`<lab>.<version>.partner.json`), on which the goals about the partner are judged.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-state.ts';
import type { FeedEvent } from '../../src/lib/feed.ts';
import { createGoalBoard } from '../../src/lib/goals/goal-board.ts';
import { parseLab } from '../../src/lib/lab-schema.ts';
import { publicIceUrls } from '../support/this-machine.ts';

const FIXTURES = path.join(ROOT, 'tests/fixtures/feeds');
const all = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((file) => file.endsWith('.json')) : [];
const recorded = all.filter((file) => !file.endsWith('.partner.json'));

const read = (file: string): FeedEvent[] => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as FeedEvent[];

/**
 * Judged as the pages judge a live run: this tab's board sees this tab's feed only, and the goals
 * about the partner are judged by the partner tab on its own feed (src/runtime/lab-controller.ts,
 * runGoals), which reports only which it met. No goal is judged on both feeds at once.
 */
async function judged(id: string, feed: readonly FeedEvent[], partnerFeed: readonly FeedEvent[]): Promise<{ met: ReadonlySet<string>; goals: string[] }> {
  const meta = parseLab(id, ((await import(path.join(ROOT, 'src/labs', id, 'lab.ts'))) as { default: unknown }).default);
  const own = createGoalBoard(meta.goals.filter((goal) => goal.of !== 'partner'));
  for (const event of feed) own.add(event);
  const theirs = createGoalBoard(meta.goals.filter((goal) => goal.of === 'partner').map((goal) => ({ ...goal, of: 'self' as const })));
  for (const event of partnerFeed) theirs.add(event);
  const met = new Set([...own.judge(feed.at(-1)?.at ?? 0), ...theirs.judge(partnerFeed.at(-1)?.at ?? 0)]);
  return { met, goals: meta.goals.map((goal) => goal.id) };
}

describe('goals on recorded feeds', () => {
  it('show no connection naming a STUN or TURN server elsewhere', () => {
    expect(all.flatMap((file) => publicIceUrls(read(file)).map((url) => `${file}: ${url}`))).toEqual([]);
  });

  it('has a recorded starter and solution feed for every lab', () => {
    const labs = readdirSync(path.join(ROOT, 'src/labs'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const missing = labs.flatMap((id) => ['starter', 'solution'].map((v) => `${id}.${v}.json`)).filter((file) => !recorded.includes(file));
    expect(missing, 'record them with RECORD_FEEDS=1 npm test -- tests/e2e/labs.test.ts').toEqual([]);
  });

  it.each(recorded)('%s', async (file) => {
    const [id = '', version] = file.replace(/\.json$/, '').split('.');
    const partnerFile = file.replace(/\.json$/, '.partner.json');
    const { met, goals } = await judged(id, read(file), all.includes(partnerFile) ? read(partnerFile) : []);
    if (version === 'solution') expect([...met].sort()).toEqual([...goals].sort());
    else expect(met.size).toBeLessThan(goals.length);
  });
});
