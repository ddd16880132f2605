/** Every lab folder in Firefox ESR, half 1 of 2 (see tests/support/lab-suite-firefox.ts). */
import { firefoxLabTests } from '../support/lab-suite-firefox.ts';

firefoxLabTests(0, 2);
