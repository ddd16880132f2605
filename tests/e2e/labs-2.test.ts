/** Every lab folder, half 2 of 2 (see tests/support/lab-suite.ts). */
import { labTests } from '../support/lab-suite.ts';

labTests(1, 2);
