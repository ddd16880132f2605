/**
 * Properties of TURN URLs (src/lib/turn-urls.ts): transportOf reads any text without throwing or
 * taking long and agrees with RFC 7065's rules, pickUrls keeps exactly the URLs of the transports
 * asked for, and parseTurnUrlList accepts a list of turn:/turns: URLs whatever separates them,
 * and refuses one bad URL by name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTurnUrlList, pickUrls, TURN_TRANSPORTS, transportOf, turnUrls, type TurnTransport } from '../../src/lib/turn-urls.ts';
import { anyText, longRun, quick } from '../support/properties.ts';

/** Up to a few KB of the pieces the URL pattern looks for, in any order: where a slow pattern would show. */
const urlLike = fc
  .array(fc.constantFrom('turn:', 'turns:', 'TURN:', 'stun:', '?', '?transport=', 'transport=', 'udp', 'tcp', 'tls', 'a', ':', '3478', ' ', ',', '\t', '\n', '='), { maxLength: 600 })
  .map((pieces) => pieces.join(''));

const longUrl = longRun(['turn:', 'turns:', 'TURN:', '', 'turn:a?transport=', 'stun:'], ['a', ':', ' ', ',', 'turn:', '?', 'turn:a '], ['', '?', '?transport=', '?transport=udpx', ' x', '?x', '\u0000']);

const host = fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6().map((address) => `[${address}]`));
const port = fc.integer({ min: 1, max: 65_535 });

interface UrlParts {
  readonly scheme: string;
  readonly host: string;
  readonly port: number | null;
  readonly transport: string | null;
}

/** A turn: or turns: URL, in any letter case, with or without a port and a transport. */
const turnUrl: fc.Arbitrary<UrlParts> = fc.record({
  scheme: fc.constantFrom('turn', 'turns', 'TURN', 'Turns'),
  host,
  port: fc.option(port, { nil: null }),
  transport: fc.option(fc.constantFrom('udp', 'tcp', 'UDP', 'Tcp'), { nil: null }),
});

const written = (url: UrlParts): string => `${url.scheme}:${url.host}${url.port === null ? '' : `:${url.port}`}${url.transport === null ? '' : `?transport=${url.transport}`}`;

/** RFC 7065: turns: is TLS; turn: is UDP unless ?transport=tcp. */
const expectedTransport = (url: UrlParts): TurnTransport => (url.scheme.toLowerCase() === 'turns' ? 'tls' : url.transport?.toLowerCase() === 'tcp' ? 'tcp' : 'udp');

describe('transportOf (properties)', () => {
  it('never throws on any text, quickly, and names a transport only for turn: or turns:', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, urlLike, longUrl), (text) => {
        const transport = quick(() => transportOf(text));
        if (transport === null) return;
        expect(TURN_TRANSPORTS).toContain(transport);
        expect(text.trim()).toMatch(/^turns?:/i);
        expect(transport === 'tls').toBe(/^turns:/i.test(text.trim()));
      }),
    );
  });

  it('reads the transport of any turn:/turns: URL, white space around it or not', () => {
    fc.assert(
      fc.property(turnUrl, fc.constantFrom('', ' ', '\t', '\n'), (url, around) => {
        expect(transportOf(`${around}${written(url)}${around}`)).toBe(expectedTransport(url));
      }),
    );
  });

  it('names no transport for a STUN URL, an unknown transport or a second query', () => {
    fc.assert(
      fc.property(turnUrl, fc.constantFrom('tls', 'sctp', 'udp&x=1', ''), (url, other) => {
        expect(transportOf(written(url).replace(/^turns?/i, 'stun'))).toBeNull();
        expect(transportOf(`${url.scheme}:${url.host}?transport=${other}`)).toBeNull();
        expect(transportOf(`${written(url)}?x`)).toBeNull();
      }),
    );
  });
});

describe('turnUrls and pickUrls (properties)', () => {
  const ports = fc.record({ plain: port, tls: fc.option(port, { nil: null }) });

  it('lists URLs whose every transport reads back, and picks each exactly by its transport', () => {
    fc.assert(
      fc.property(host, ports, fc.option(fc.domain(), { nil: undefined }), fc.subarray([...TURN_TRANSPORTS]), (h, p, tlsHost, wanted) => {
        const urls = tlsHost === undefined ? turnUrls(h, p) : turnUrls(h, p, tlsHost);
        expect(urls).toHaveLength(p.tls === null ? 2 : 3);
        expect(urls.map(transportOf)).toEqual(p.tls === null ? ['udp', 'tcp'] : ['udp', 'tcp', 'tls']);
        const picked = pickUrls(urls, wanted);
        expect(picked).toEqual(urls.filter((url) => wanted.includes(transportOf(url) as TurnTransport)));
      }),
    );
  });

  it('keeps, in order, exactly the URLs of the transports asked for, from any list', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(turnUrl.map(written), anyText, urlLike), { maxLength: 12 }), fc.subarray([...TURN_TRANSPORTS]), (urls, wanted) => {
        const picked = pickUrls(urls, wanted);
        for (const url of picked) expect(wanted).toContain(transportOf(url));
        // A subsequence of the input, missing only URLs of other transports (or none).
        let from = 0;
        for (const url of picked) {
          const at = urls.indexOf(url, from);
          expect(at).toBeGreaterThanOrEqual(from);
          for (const skipped of urls.slice(from, at)) {
            const transport = transportOf(skipped);
            expect(transport === null || !wanted.includes(transport)).toBe(true);
          }
          from = at + 1;
        }
        for (const skipped of urls.slice(from)) {
          const transport = transportOf(skipped);
          expect(transport === null || !wanted.includes(transport)).toBe(true);
        }
      }),
    );
  });
});

describe('parseTurnUrlList (properties)', () => {
  const separator = fc.array(fc.constantFrom(',', ' ', '\t', '\n', ', ', ' ,'), { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(''));
  const edge = fc.constantFrom('', ' ', ',', ' , ', '\n');

  it('never throws on any text, quickly; what it accepts is non-empty, each URL a turn: URL with no separator in it', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, urlLike, longUrl), (text) => {
        const parsed = quick(() => parseTurnUrlList(text));
        if (!parsed.ok) {
          expect(parsed.error).toMatch(/^TURN_URLS/);
          return;
        }
        expect(parsed.urls.length).toBeGreaterThan(0);
        for (const url of parsed.urls) {
          expect(transportOf(url)).not.toBeNull();
          expect(url).not.toMatch(/[\s,]/);
          expect(text).toContain(url);
        }
      }),
    );
  });

  it('accepts any list of turn:/turns: URLs, whatever separates them, as those URLs in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(turnUrl.map(written), separator), { minLength: 1, maxLength: 6 }), edge, edge, (pairs, before, after) => {
        const text = `${before}${pairs.map(([url, sep], index) => (index === pairs.length - 1 ? url : `${url}${sep}`)).join('')}${after}`;
        expect(parseTurnUrlList(text)).toEqual({ ok: true, urls: pairs.map(([url]) => url) });
      }),
    );
  });

  it('reads its own accepted list back the same', () => {
    fc.assert(
      fc.property(fc.oneof(urlLike, fc.array(turnUrl.map(written), { minLength: 1, maxLength: 5 }).map((urls) => urls.join(', '))), (text) => {
        const parsed = parseTurnUrlList(text);
        if (!parsed.ok) return;
        expect(parseTurnUrlList(parsed.urls.join(','))).toEqual(parsed);
        expect(parseTurnUrlList(parsed.urls.join(' '))).toEqual(parsed);
      }),
    );
  });

  it('refuses a list with one URL that is not turn:/turns:, naming the first such', () => {
    const bad = fc.oneof(
      turnUrl.map((url) => written(url).replace(/^turns?/i, 'stun')),
      fc.string({ minLength: 1, maxLength: 20 }).filter((text) => !/[\s,]/.test(text) && transportOf(text) === null),
    );
    fc.assert(
      fc.property(fc.array(turnUrl.map(written), { maxLength: 4 }), bad, fc.array(fc.oneof(turnUrl.map(written), bad), { maxLength: 4 }), (good, first, rest) => {
        const parsed = parseTurnUrlList([...good, first, ...rest].join(', '));
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.error).toContain(JSON.stringify(first));
      }),
    );
  });

  it('refuses a list of nothing but separators', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(',', ' ', '\t', '\n', '\r', '\u00a0'), { maxLength: 20 }), (pieces) => {
        expect(parseTurnUrlList(pieces.join(''))).toEqual({ ok: false, error: 'TURN_URLS names no server' });
      }),
    );
  });
});
