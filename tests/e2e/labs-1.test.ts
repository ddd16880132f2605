/** Every lab folder, half 1 of 2 (see tests/support/lab-suite.ts). */
import { labTests } from '../support/lab-suite.ts';

labTests(0, 2);
