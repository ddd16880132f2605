/**
 * The `lab` module lab code imports (types in src/labs/lab-module.d.ts): `log`, `room()`
 * for pairing labs (./lab-room.ts), and `turnCredentials()` and `restartTurnServer()` for the
 * local coturn (./lab-turn.ts).
 */
import type { Room } from './lab-room.ts';
import type { TurnCredentialsOptions } from './lab-turn.ts';

export interface LabHelper {
  log(...values: unknown[]): void;
  room(): Promise<Room>;
  turnCredentials(options?: TurnCredentialsOptions): Promise<RTCIceServer[]>;
  restartTurnServer(): Promise<number>;
}

export function createLabHelper(
  print: (values: readonly unknown[]) => void,
  room: () => Promise<Room>,
  turnCredentials: (options?: TurnCredentialsOptions) => Promise<RTCIceServer[]>,
  restartTurnServer: () => Promise<number>,
): LabHelper {
  return {
    log: (...values) => print(values),
    room,
    turnCredentials,
    restartTurnServer,
  };
}
