/** Every lab folder, half 2 of 2 (see tests/support/lab-suite.ts), on the Korean lesson pages: their labs, strings and goals. */
import { labTests } from '../support/lab-suite.ts';

labTests(1, 2, { locale: 'ko' });
