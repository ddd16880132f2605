/**
 * The `lab` module lab code imports (types in src/labs/lab-module.d.ts). Only what works
 * today: `log`. Later lessons add `room()` and `turnCredentials()` with the features behind them.
 */
export interface LabHelper {
  log(...values: unknown[]): void;
}

export function createLabHelper(print: (values: readonly unknown[]) => void): LabHelper {
  return {
    log: (...values) => print(values),
  };
}
