/**
 * Lighthouse (mobile, its defaults: simulated 4× CPU slowdown and a slow 4G link) on pages of
 * the site as served, for `npm run bench`: the median of a few runs per page, per category,
 * with the timings behind the performance score. Each run is its own `lighthouse` process with
 * the system's Chromium (CHROME_PATH), so the site's server keeps its event loop to itself.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../scripts/build-state.ts';
import { CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { percentile } from './broker-load.ts';

const run = promisify(execFile);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TIMINGS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time'] as const;

export interface LighthousePage {
  readonly page: string;
  readonly runs: number;
  /** Median score (0–100) per category, and every run's performance score. */
  readonly scores: Readonly<Record<(typeof CATEGORIES)[number], number>>;
  readonly performanceRuns: readonly number[];
  /** Median milliseconds. */
  readonly timings: Readonly<Record<(typeof TIMINGS)[number], number>>;
}

interface Report {
  readonly categories: Record<string, { score: number }>;
  readonly audits: Record<string, { numericValue: number }>;
}

export async function measureLighthouse(options: { siteUrl: string; pages: readonly string[]; runs: number }): Promise<LighthousePage[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lighthouse-'));
  const results: LighthousePage[] = [];
  try {
    for (const page of options.pages) {
      const reports: Report[] = [];
      for (let i = 0; i < options.runs; i++) {
        const output = path.join(dir, 'report.json');
        await run(
          path.join(ROOT, 'node_modules/.bin/lighthouse'),
          [options.siteUrl + page, '--chrome-flags=--headless=new --no-sandbox', '--output=json', `--output-path=${output}`, '--quiet', `--only-categories=${CATEGORIES.join(',')}`],
          { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, maxBuffer: 64 << 20 },
        );
        reports.push(JSON.parse(readFileSync(output, 'utf8')) as Report);
      }
      const score = (category: string): number[] => reports.map((report) => Math.round((report.categories[category]?.score ?? 0) * 100));
      results.push({
        page,
        runs: options.runs,
        scores: Object.fromEntries(CATEGORIES.map((category) => [category, percentile(score(category), 50)])) as LighthousePage['scores'],
        performanceRuns: score('performance'),
        timings: Object.fromEntries(TIMINGS.map((id) => [id, percentile(reports.map((report) => report.audits[id]?.numericValue ?? 0), 50)])) as LighthousePage['timings'],
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
