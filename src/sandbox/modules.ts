/**
 * The libraries lab code may import by name (LAB_MODULES in src/lib/lab-manifest.ts), each
 * loaded only when the code imports it. `lab` is made per run by the runner.
 */
import type { LabModule } from '../lib/lab-manifest.ts';

export const LIBRARIES: Readonly<Record<Exclude<LabModule, 'lab'>, () => Promise<Record<string, unknown>>>> = {
  peerjs: () => import('peerjs'),
  'webrtc-adapter': () => import('webrtc-adapter'),
};
