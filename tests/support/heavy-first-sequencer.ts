/**
 * Vitest's own order, with the site's longest files first. With no durations cached (a clean
 * clone, as CI runs) vitest runs larger files first, and the lab suites are small files that
 * run longest: last, they left one core idle at the end while the other finished them.
 *
 * The browser-facts files mostly wait (one Chromium probe waits 40 s for the browser to give up
 * on a STUN server): run last, they left both cores idle for the final 50 s of a CI run. So
 * Chromium's goes first, beside a lab suite that uses the core it leaves, and Firefox's right
 * after the lab suites.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LAB_SUITE = /[\\/]labs-(?:firefox-)?\d+\.test\.ts$/;
const WAITS_FIRST = /[\\/]browser-facts-chromium\.test\.ts$/;
const WAITS_AFTER_LABS = /[\\/]browser-facts-firefox\.test\.ts$/;

export default class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const pick = (pattern: RegExp) => sorted.filter((spec) => pattern.test(spec.moduleId));
    const heavy = [...pick(WAITS_FIRST), ...pick(LAB_SUITE), ...pick(WAITS_AFTER_LABS)];
    const first = sorted.findIndex((spec) => heavy.includes(spec) || spec.project.name === heavy[0]?.project.name);
    if (heavy.length === 0 || first < 0) return sorted;
    const rest = sorted.filter((spec) => !heavy.includes(spec));
    return [...rest.slice(0, first), ...heavy, ...rest.slice(first)];
  }
}
