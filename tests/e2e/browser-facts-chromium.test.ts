import { browserFactTests } from '../support/browser-facts-suite.ts';
import { useChromium } from '../support/chromium.ts';

const chromium = useChromium('browser');

browserFactTests('chromium', async (_fact, url) => {
  // A context of its own: no media permission carried over from another probe.
  const context = await chromium().newContext();
  const page = await context.newPage();
  await page.goto(url);
  return { evaluate: (source) => page.evaluate(source), close: () => context.close() };
}, { concurrent: true });
