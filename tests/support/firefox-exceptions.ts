/**
 * The evidence for each Firefox test gap declared in src/lib/browser-verification.ts: the Firefox
 * lab tests assert each gap as it stands (those goals stay unmet, the feed shows the stated cause),
 * so a fix in the lab, the observer or the browser fails the test and the entry has to go.
 */
import type { FeedEvent } from '../../src/lib/feed.ts';
import { FIREFOX_TEST_GAPS, type TestGap } from '../../src/lib/browser-verification.ts';

const text = (feed: readonly FeedEvent[]): string => JSON.stringify(feed);

/** True when the feed shows the declared cause. */
const EVIDENCE: Readonly<Record<keyof typeof FIREFOX_TEST_GAPS, (feed: readonly FeedEvent[]) => boolean>> = {
  // The solution's own message, so the learner is told too, not only the feed.
  'screen-share': (feed) => text(feed).includes('Could not share the screen (NotFoundError)'),
  'call-controls': (feed) => text(feed).includes('Could not share the screen (NotFoundError)'),
  snapshot: (feed) => {
    const canvases = feed.filter((e) => e.type === 'canvas');
    return canvases.length > 0 && canvases.every((e) => e.type === 'canvas' && e.blank);
  },
};

export interface FirefoxException extends TestGap {
  readonly evidence: (feed: readonly FeedEvent[]) => boolean;
}

export const FIREFOX_EXCEPTIONS: Readonly<Record<string, FirefoxException>> = Object.fromEntries(
  Object.entries(FIREFOX_TEST_GAPS).map(([lab, gap]) => {
    const evidence = EVIDENCE[lab];
    if (!evidence) throw new Error(`the Firefox test gap for ${lab} has no evidence in tests/support/firefox-exceptions.ts`);
    return [lab, { ...gap, evidence }];
  }),
);
