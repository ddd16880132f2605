import { configDefaults, defineConfig } from 'vitest/config';
import HeavyFirstSequencer from './tests/support/heavy-first-sequencer.ts';
import { patient } from './tests/support/patience.ts';

/**
 * Browser files that `npm test` runs in a vitest process of their own beside the site project's
 * (scripts/test.ts), one at a time, to even out the two: those that
 * mostly wait (for a browser to give up on a STUN server, a killed broker to come back, a
 * server of their own to start, a narrowed link to show in a call's stats), and some with no
 * timed assertion (every page rendered, axe-core, the newcomer scenarios). None of them uses the site
 * project's TURN server (the labs that restart one start their own).
 */
const SITE_BESIDE = [
  'tests/e2e/browser-facts-chromium.test.ts',
  'tests/e2e/browser-facts-firefox.test.ts',
  'tests/e2e/pairing.test.ts',
  'tests/e2e/lan-mode.test.ts',
  'tests/e2e/production-server.test.ts',
  'tests/e2e/bad-network.test.ts',
  'tests/e2e/lab-newcomer.test.ts',
  // With a site and a coturn of its own, which its labs restart.
  'tests/e2e/lab-turn-restart.test.ts',
  // A site of its own without coturn, and Chromiums that refuse or lack the camera.
  'tests/e2e/bad-days.test.ts',
  // HAProxy and broker processes of its own, and one call through them.
  'tests/e2e/broker-shards.test.ts',
  // Every page rendered and checked by axe-core (every rule, and colour contrast in the dark theme too), and a lab in use.
  'tests/e2e/pages.test.ts',
  'tests/e2e/accessibility.test.ts',
];

/** What every browser test needs: the built site served (global setup), and patience with two busy cores. */
const browserTests = {
  globalSetup: ['tests/e2e/global-setup.ts'],
  testTimeout: patient(60_000),
  hookTimeout: patient(60_000),
  // A browser on two busy cores: waiting for the page is normal, 1 s (the default) is not enough.
  expect: { poll: { timeout: patient(15_000) } },
};

/**
 * Tests grouped by what they need:
 * - unit: pure logic in src/lib, no network, no disk.
 * - server: the broker over real HTTP and WebSockets on loopback.
 * - site: the built site (dist/), read from disk and driven in Chromium and Firefox.
 * - site-beside: browser tests that mostly wait, run one at a time beside the site project (SITE_BESIDE).
 * `npm run test:unit` runs the first; `npm test` (scripts/test.ts) builds, isolates the
 * network and runs them all.
 */
export default defineConfig({
  test: {
    // PeerServer 1.0.2 reschedules two sweep timers forever and offers no way to stop them,
    // so a worker that started a broker never goes idle by itself; do not wait long for it.
    teardownTimeout: 2000,
    sequence: { sequencer: HeavyFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Pure functions, no module state between files: one module graph for all of them. With a
          // fresh one per file the project took 53 CPU-s, 40 of them importing, against 10 s shared;
          // in CI that CPU is taken from the browsers beside it (828 s of the unit and server group
          // there, 43% of it importing).
          isolate: false,
          // They run beside the browser suites, where a property test that takes 1 s alone has
          // taken over 5 s (the default) and 33 s: a bound on a hang, not on a pass.
          testTimeout: patient(30_000),
        },
      },
      { test: { name: 'server', include: ['tests/server/**/*.test.ts'], testTimeout: patient(20_000) } },
      {
        test: {
          name: 'site',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SITE_BESIDE],
          ...browserTests,
          // Each file launches its own browser; two at once fill two cores (three measured no
          // faster, 16:32 against 16:48, and made the flood and cancel tests miss their bounds).
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'site-beside',
          include: SITE_BESIDE,
          ...browserTests,
          globalSetup: ['tests/e2e/global-setup-no-turn.ts'],
          // One at a time: beside the site project's two browsers, a fourth starved the lab suites
          // (a Firefox mesh tab failed ICE in CI).
          maxWorkers: 1,
        },
      },
    ],
  },
});
