/**
 * Vitest's own order, with the site's longest files first. With no durations cached (a clean
 * clone, as CI runs) vitest runs larger files first, and the lab suites are small files that
 * run longest: last, they left one core idle at the end while the other finished them.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LAB_SUITE = /[\\/]labs-(?:firefox-)?\d+\.test\.ts$/;

export default class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const heavy = sorted.filter((spec) => LAB_SUITE.test(spec.moduleId));
    const first = sorted.findIndex((spec) => spec.project.name === heavy[0]?.project.name);
    if (heavy.length === 0 || first < 0) return sorted;
    const rest = sorted.filter((spec) => !heavy.includes(spec));
    return [...rest.slice(0, first), ...heavy, ...rest.slice(first)];
  }
}
