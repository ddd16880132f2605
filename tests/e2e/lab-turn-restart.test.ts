/**
 * The labs that restart the site's coturn (OWN_TURN_LAB_IDS), run in Chromium and Firefox as the
 * lab suites run every other lab, against a site and a coturn of their own: a restart ends every
 * relay on the server, and the suites relay other labs through the shared one at the same time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { DIST } from '../../scripts/build-state.ts';
import { readServerConfig } from '../../src/server/config.ts';
import { startLocalTurn } from '../../src/server/coturn.ts';
import { startSiteServer, type SiteServer } from '../../src/server/site-server.ts';
import { labTests } from '../support/lab-suite.ts';
import { firefoxLabTests } from '../support/lab-suite-firefox.ts';
import { OWN_TURN_LAB_IDS } from '../support/labs.ts';

let dir = '';
let site: SiteServer | null = null;
let baseUrl = '';

describe.skipIf(process.env['NO_TURN'] === '1')('labs that restart the TURN server, on a site and coturn of their own', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'turn-restart-labs-'));
    // Ports and relay ports apart from the other coturns the suite runs meanwhile (src/server/coturn.ts).
    const turn = await startLocalTurn({ ttlSeconds: 600, stateDir: dir, port: 3578, tlsPort: 5449, relayPorts: { min: 49500, max: 49549 } });
    if (!turn.running) throw new Error(`coturn did not start: ${turn.reason}\n${(turn.log ?? []).join('\n')}`);
    site = await startSiteServer({ distDir: DIST, config: readServerConfig({ PORT: '0', HOST: '127.0.0.1' }), log: () => {}, turn });
    baseUrl = `http://localhost:${site.port}`;
  });
  afterAll(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  labTests(0, 1, { ids: OWN_TURN_LAB_IDS, baseUrl: () => baseUrl });
  firefoxLabTests(0, 1, { ids: OWN_TURN_LAB_IDS, baseUrl: () => baseUrl });
});
