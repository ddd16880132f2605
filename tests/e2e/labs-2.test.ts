/**
 * Every lab folder, half 2 of 2 (see tests/support/lab-suite.ts), on the Korean lesson pages: this
 * half runs in English in Firefox (labs-firefox-2), so every lab runs in both languages.
 */
import { labTests } from '../support/lab-suite.ts';

labTests(1, 2, { locale: 'ko' });
