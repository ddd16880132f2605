/**
 * The value inspector's public entry: capture a value from the lab frame (inspect) and
 * format it as console text. The parts live in ./inspect/.
 */
export { inspect, type InspectOptions } from './inspect/capture.ts';
export { formatConsoleArgs, formatInspected } from './inspect/format.ts';
