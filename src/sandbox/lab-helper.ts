/**
 * The `lab` module lab code imports (types in src/labs/lab-module.d.ts): `log`, and `room()`
 * for pairing labs (./lab-room.ts).
 */
import type { Room } from './lab-room.ts';

export interface LabHelper {
  log(...values: unknown[]): void;
  room(): Promise<Room>;
}

export function createLabHelper(print: (values: readonly unknown[]) => void, room: () => Promise<Room>): LabHelper {
  return {
    log: (...values) => print(values),
    room,
  };
}
