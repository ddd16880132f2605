/**
 * Properties of ICE_SERVERS (src/lib/ice-servers.ts): no text makes parseIceServers throw or take
 * long, a well-formed list reads back as itself (what it does not read dropped), its own output
 * reads back the same, and each way a server can be wrong is refused with the server's index.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIceServers, type IceServer } from '../../src/lib/ice-servers.ts';
import { anyText, longRun, quick } from '../support/properties.ts';

const stunScheme = fc.constantFrom('stun', 'stuns');
const turnScheme = fc.constantFrom('turn', 'turns');
/** What may follow the scheme: at least one character, no white space. */
const rest = fc.oneof(
  fc.tuple(fc.domain(), fc.integer({ min: 1, max: 65_535 }), fc.constantFrom('', '?transport=udp', '?transport=tcp')).map(([host, port, query]) => `${host}:${port}${query}`),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).filter((text) => !/\s/.test(text)),
);
const url = (scheme: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(scheme, rest).map(([s, r]) => `${s}:${r}`);
const urls = (scheme: fc.Arbitrary<string>): fc.Arbitrary<string | string[]> => fc.oneof(url(scheme), fc.array(url(scheme), { minLength: 1, maxLength: 3 }));

/** Keys parseIceServers drops: anything but urls, username and credential (JSON.parse makes `__proto__` an own key). */
const extraKeys = fc.dictionary(
  fc.string({ maxLength: 12 }).filter((key) => !['urls', 'username', 'credential'].includes(key)),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 },
);

/** A valid server: STUN with or without a login, or TURN with one; and what it reads as. */
const server: fc.Arbitrary<{ readonly written: Record<string, unknown>; readonly read: IceServer }> = fc.oneof(
  fc.record({ urls: urls(stunScheme), username: fc.option(anyText, { nil: undefined }), credential: fc.option(anyText, { nil: undefined }), extra: extraKeys }),
  fc.record({
    // TURN URLs, or a STUN and a TURN URL in one entry (a login is needed all the same).
    urls: fc.oneof(urls(turnScheme), fc.tuple(url(stunScheme), url(turnScheme)).map((pair): string[] => pair)),
    // Typed as the STUN record's, so both records map alike below.
    username: anyText.map((text): string | undefined => text),
    credential: anyText.map((text): string | undefined => text),
    extra: extraKeys,
  }),
).map(({ urls: list, username, credential, extra }) => ({
  written: { ...extra, urls: list, ...(username === undefined ? {} : { username }), ...(credential === undefined ? {} : { credential }) },
  read: { urls: list, ...(username === undefined ? {} : { username }), ...(credential === undefined ? {} : { credential }) },
}));

type Outcome = ReturnType<typeof parseIceServers>;

function expectWellFormed(parsed: Outcome): void {
  if (!parsed.ok) {
    expect(parsed.error).toMatch(/^ICE_SERVERS/);
    return;
  }
  for (const each of parsed.servers) {
    expect(Object.keys(each).every((key) => ['urls', 'username', 'credential'].includes(key))).toBe(true);
    const list = typeof each.urls === 'string' ? [each.urls] : each.urls;
    expect(list.length).toBeGreaterThan(0);
    for (const one of list) expect(one).toMatch(/^(stun|stuns|turn|turns):\S+$/);
    if (list.some((one) => one.startsWith('turn'))) {
      expect(typeof each.username).toBe('string');
      expect(typeof each.credential).toBe('string');
    }
  }
}

describe('parseIceServers (properties)', () => {
  it('never throws on any text or JSON, quickly, and what it reads is well formed', () => {
    const input = fc.oneof(
      anyText,
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.array(fc.jsonValue({ maxDepth: 3 })).map((value) => JSON.stringify(value)),
      // Anything JavaScript can hold, as far as JSON.stringify writes it.
      fc.anything().map((value) => JSON.stringify(value) ?? 'undefined'),
      fc.constant(undefined),
      longRun(['[{"urls":"turn:', '[{"urls":"stun:', '[{"urls":["', '[', ''], ['a', ' ', '[', '{"a":', 'turn:', '","'], ['', '"}]', ' "}]', '"],"username":"u","credential":"c"}]']),
    );
    fc.assert(
      fc.property(input, (text) => {
        const parsed = quick(() => parseIceServers(text));
        expectWellFormed(parsed);
        if (text === undefined || text.trim() === '') expect(parsed).toEqual({ ok: true, servers: [] });
      }),
    );
  });

  it('reads a list of valid servers as those servers, dropping other keys', () => {
    fc.assert(
      fc.property(fc.array(server, { maxLength: 5 }), (servers) => {
        expect(parseIceServers(JSON.stringify(servers.map((each) => each.written)))).toEqual({ ok: true, servers: servers.map((each) => each.read) });
      }),
    );
  });

  it('reads its own output back the same', () => {
    // Lists that are valid, and lists with one server damaged in some way, so both results occur.
    const damaged = fc.record({ list: fc.array(server, { minLength: 1, maxLength: 4 }), at: fc.nat(), key: fc.constantFrom('urls', 'username', 'credential'), value: fc.jsonValue({ maxDepth: 1 }) }).map(({ list, at, key, value }) =>
      list.map((each, index) => (index === at % list.length ? { ...each.written, [key]: value } : each.written)),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(server).map((list) => list.map((each) => each.written)), damaged), (written) => {
        const parsed = parseIceServers(JSON.stringify(written));
        expectWellFormed(parsed);
        if (!parsed.ok) return;
        expect(parseIceServers(JSON.stringify(parsed.servers))).toEqual(parsed);
      }),
    );
  });

  it('refuses each kind of bad server, naming its index', () => {
    const badUrls = fc.oneof(
      fc.constant<unknown>([]),
      fc.constant<unknown>(undefined),
      fc.integer(),
      fc.constantFrom('http://x', 'turn:', 'stun:a b', 'turn:a\n', 'TURN:x', ' turn:x'),
      fc.array(fc.oneof(fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 2 }),
    );
    const badServer = fc.oneof(
      badUrls.map((value) => ({ urls: value, username: 'u', credential: 'c' })),
      fc.record({ urls: urls(turnScheme), username: fc.oneof(fc.integer(), fc.constant(null), fc.boolean()) }).map((each) => ({ ...each, credential: 'c' })),
      fc.record({ urls: urls(stunScheme), credential: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())) }),
      fc.record({ urls: urls(turnScheme), login: fc.constantFrom('username', 'credential', 'both') }).map(({ urls: list, login }) =>
        login === 'username' ? { urls: list, username: 'u' } : login === 'credential' ? { urls: list, credential: 'c' } : { urls: list },
      ),
      fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.boolean()),
    );
    fc.assert(
      fc.property(fc.array(server, { maxLength: 3 }), badServer, fc.array(fc.oneof(server.map((each) => each.written), badServer), { maxLength: 2 }), (good, bad, after) => {
        const parsed = parseIceServers(JSON.stringify([...good.map((each) => each.written), bad, ...after]));
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.error).toMatch(new RegExp(`^ICE_SERVERS\\[${good.length}\\]`));
      }),
    );
  });

  it('refuses JSON that is not an array, and text that is not JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue().filter((value) => !Array.isArray(value)), anyText, (value, text) => {
        expect(parseIceServers(JSON.stringify(value))).toEqual({ ok: false, error: 'ICE_SERVERS must be a JSON array of RTCIceServer objects' });
        let json = true;
        try {
          JSON.parse(text);
        } catch {
          json = false;
        }
        if (!json && text.trim() !== '') expect(parseIceServers(text)).toEqual({ ok: false, error: 'ICE_SERVERS is not JSON' });
      }),
    );
  });
});
