/**
 * Every lab folder in Firefox ESR, half 1 of 2 (see tests/support/lab-suite-firefox.ts), on the
 * Korean lesson pages: this half runs in English in Chromium (labs-1), so every lab runs in both
 * languages, each in one browser.
 */
import { firefoxLabTests } from '../support/lab-suite-firefox.ts';

firefoxLabTests(0, 2, { locale: 'ko' });
