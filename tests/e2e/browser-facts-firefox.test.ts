import { browserFactTests } from '../support/browser-facts-suite.ts';
import { launchFirefox, useFirefox } from '../support/firefox.ts';

const firefox = useFirefox();

browserFactTests(
  'firefox',
  async (fact, url) => {
    if (fact?.firefoxPrefs) {
      // A browser of its own for a fact about a default the suite's profile changes.
      const own = await launchFirefox(fact.firefoxPrefs);
      const page = await own.browser.newPage();
      await page.goto(url);
      return { evaluate: (source) => page.evaluate(source), close: () => own.close() };
    }
    // Media permission is granted by prefs, not per page, so a new page is fresh enough.
    const page = await firefox().newPage();
    await page.goto(url);
    return { evaluate: (source) => page.evaluate(source), close: () => page.close() };
  },
  { concurrent: false },
);
