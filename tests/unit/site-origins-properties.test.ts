/**
 * Properties of what the server reads from its environment about where it lives
 * (src/lib/site-origins.ts, src/lib/lan-addresses.ts): any text in SITE_ORIGIN, LAB_ORIGIN,
 * BROKER_EXTRA_ORIGINS or LAN_HOST either configures the site or stops it with a message that
 * names the setting; never another exception, never a hang, and never a lab frame on the
 * site's own origin.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIpv4, lanAddresses } from '../../src/lib/lan-addresses.ts';
import { defaultLabOrigin, embeddersOf, isLabHost, pairForHost, resolveSiteOrigins } from '../../src/lib/site-origins.ts';
import { anyText, quick } from '../support/properties.ts';

const origin = fc.webUrl().map((url) => new URL(url).origin);
/** What an operator might type: an origin, an address, a near miss, or anything. */
const setting = fc.oneof(origin, fc.ipV4().map((ip) => `http://${ip}:4321`), fc.constantFrom('', ' ', 'localhost:4321', 'ftp://x', 'http://user:pw@host', 'http://[::1]:4321', 'https://lab.example.org/'), anyText);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

describe('the site origins', () => {
  it('configure the site or name the bad setting, for any text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 70_000 }), maybe(setting), maybe(setting), maybe(fc.array(setting, { maxLength: 3 })), (port, siteOrigin, labOrigin, extraOrigins) => {
        let origins;
        try {
          origins = quick(() => resolveSiteOrigins({ port, siteOrigin, labOrigin, extraOrigins }));
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toMatch(/port must be|SITE_ORIGIN|LAB_ORIGIN|extra origin|site origin/);
          return;
        }
        expect(origins.allowed.has(origins.site)).toBe(true);
        expect(origins.allowed.has(origins.lab)).toBe(true);
        // The lab frame is never on the site's origin, configured or not.
        expect(origins.lab).not.toBe(origins.site);
        // Every host that asks is answered with a pair, and the main lab embeds in no lab.
        expect(pairForHost(origins, new URL(origins.lab).host)).toEqual({ site: origins.site, lab: origins.lab });
        expect(isLabHost(origins, new URL(origins.lab).host)).toBe(true);
        expect(embeddersOf(origins, { site: origins.site, lab: origins.lab })).not.toContain(origins.lab);
      }),
      { numRuns: 1500 },
    );
  });

  it('pair any site origin with a lab on another origin', () => {
    fc.assert(
      fc.property(fc.oneof(origin, fc.ipV4().map((ip) => `https://${ip}:8443`)), (site) => {
        const lab = defaultLabOrigin(site);
        expect(lab).not.toBe(site);
        expect(new URL(lab).origin).toBe(lab);
      }),
    );
  });

  it('serve LAN addresses only as IPv4, or name LAN_HOST', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.oneof(fc.ipV4(), anyText), { maxLength: 4 }).map((parts) => parts.join(',')), anyText), (override) => {
        let addresses: string[];
        try {
          addresses = quick(() => lanAddresses({}, override));
        } catch (error) {
          expect((error as Error).message).toMatch(/^LAN_HOST must list IPv4 addresses/);
          return;
        }
        expect(addresses.every(isIpv4)).toBe(true);
        expect(new Set(addresses).size).toBe(addresses.length);
        // Each served address makes a LAN pair the server can start.
        const origins = resolveSiteOrigins({ port: 4321, lan: { addresses, port: 8443 } });
        expect(origins.lan.map((pair) => new URL(pair.site).hostname)).toEqual(addresses);
      }),
      { numRuns: 1500 },
    );
  });
});
