import { defineConfig } from 'vitest/config';
import HeavyFirstSequencer from './tests/support/heavy-first-sequencer.ts';

/**
 * Tests grouped by what they need:
 * - unit: pure logic in src/lib, no network, no disk.
 * - server: the broker over real HTTP and WebSockets on loopback.
 * - site: the built site (dist/), read from disk and driven in Chromium.
 * `npm run test:unit` runs the first; `npm test` (scripts/test.ts) builds, isolates the
 * network and runs all three.
 */
export default defineConfig({
  test: {
    // PeerServer 1.0.2 reschedules two sweep timers forever and offers no way to stop them,
    // so a worker that started a broker never goes idle by itself; do not wait long for it.
    teardownTimeout: 2000,
    sequence: { sequencer: HeavyFirstSequencer },
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'server', include: ['tests/server/**/*.test.ts'], testTimeout: 20_000 } },
      {
        test: {
          name: 'site',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A browser on two busy cores: waiting for the page is normal, 1 s (the default) is not enough.
          expect: { poll: { timeout: 15_000 } },
          // Each file launches its own browser; two at once fill two cores (three measured no
          // faster, 16:32 against 16:48, and made the flood and cancel tests miss their bounds).
          maxWorkers: 2,
        },
      },
    ],
  },
});
