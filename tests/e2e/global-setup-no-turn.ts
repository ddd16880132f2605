/** The browser tests' server without a TURN server, for the site-beside project (see global-setup.ts). */
import type { TestProject } from 'vitest/node';
import { serveForBrowserTests } from './global-setup.ts';

export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return serveForBrowserTests(project, { turn: false });
}
