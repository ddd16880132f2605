/**
 * The lesson diagrams rendered by Astro itself (the container API), in English and Korean:
 * every step and state is there as real text, the Korean render is written in Hangul, and
 * nothing is an image. The components are compiled by a Vite server built from Astro's own
 * Vite config (without this project's integrations: the diagrams need none).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { getViteConfig } from 'astro/config';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { ROOT } from '../../scripts/build-state.ts';
import { OFFER_ANSWER_STEPS } from '../../src/lib/diagrams/offer-answer.ts';
import { ICE_STATE_TABLES, STATE_MACHINES } from '../../src/lib/diagrams/state-machines.ts';
import { tabLoad, TOPOLOGIES, TOPOLOGY_TEXT } from '../../src/lib/diagrams/topologies.ts';

const HANGUL = /[\uac00-\ud7a3]/;
const COMPONENTS = {
  offerAnswer: '/src/components/diagrams/OfferAnswerDiagram.astro',
  stateMachines: '/src/components/diagrams/StateMachinesDiagram.astro',
  topology: '/src/components/diagrams/TopologyDiagram.astro',
} as const;

let vite: ViteDevServer;
let container: AstroContainer;
const components = new Map<keyof typeof COMPONENTS, AstroComponentFactory>();

beforeAll(async () => {
  const config = await getViteConfig(
    { root: ROOT, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false, ws: false } },
    { root: ROOT, configFile: false, logLevel: 'error' },
  )({ mode: 'test', command: 'serve' });
  vite = await createServer({ ...config, configFile: false });
  for (const [name, file] of Object.entries(COMPONENTS) as [keyof typeof COMPONENTS, string][]) {
    const module = (await vite.ssrLoadModule(file)) as { default: AstroComponentFactory };
    components.set(name, module.default);
  }
  container = await AstroContainer.create();
}, 120_000);

afterAll(async () => {
  await vite?.close();
});

async function render(name: keyof typeof COMPONENTS, props: Record<string, unknown>): Promise<string> {
  const component = components.get(name);
  if (!component) throw new Error(`${name} did not load`);
  return container.renderToString(component, { props });
}

/** What a reader sees: the markup's text, tags removed (so `<wbr>` does not split a call). */
function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function figcaptionOf(html: string): string {
  const match = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/.exec(html);
  if (!match?.[1]) throw new Error('no figcaption');
  return textOf(match[1]);
}

const SEQUENCE_WORDS = [
  ...new Set([
    ...OFFER_ANSWER_STEPS.flatMap((step) => (step.kind === 'call' ? [step.call, ...(step.state ? [step.state] : [])] : step.kind === 'description' ? [step.what] : [])),
    'caller',
    'callee',
    'icecandidate',
    'addIceCandidate(candidate)',
    'connected',
  ]),
];

describe.each(['en', 'ko'] as const)('the diagrams in %s', (locale) => {
  it('offer/answer: every call, description and signalingState is text, in order', async () => {
    const html = await render('offerAnswer', { locale });
    const text = textOf(html);
    for (const word of SEQUENCE_WORDS) expect(text, word).toContain(word);
    const order = OFFER_ANSWER_STEPS.flatMap((step) => (step.kind === 'call' ? [step.call] : []));
    const positions = order.map((call) => text.indexOf(call));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(html).toMatch(/<figure[^>]*lang="(en|ko)"/);
    expect(html).toContain(`lang="${locale}"`);
    expect(html).toMatch(/<ol[\s>]/);
    expect(html).not.toMatch(/<img[\s>]/i);
    expect(HANGUL.test(figcaptionOf(html))).toBe(locale === 'ko');
  });

  it('state machines: every state, every transition call and the ICE states are text', async () => {
    const html = await render('stateMachines', { locale });
    const text = textOf(html);
    for (const machine of STATE_MACHINES) {
      expect(text).toContain(machine.property);
      for (const node of machine.nodes) expect(html, `${machine.property} ${node.state}`).toContain(`data-state="${node.state}"`);
      for (const node of machine.nodes) expect(text).toContain(node.state);
      for (const line of machine.edges.flatMap((edge) => edge.label?.lines ?? [])) expect(text).toContain(line);
    }
    for (const table of ICE_STATE_TABLES) for (const row of table.rows) expect(text, `${table.property} ${row.state}`).toContain(row.state);
    expect(html).not.toMatch(/<img[\s>]/i);
    expect(HANGUL.test(figcaptionOf(html))).toBe(locale === 'ko');

    // Each graph is an image with a name in the page's language that says the graph in words.
    const svgs = [...html.matchAll(/<svg[^>]*>/g)].map((match) => match[0]);
    expect(svgs).toHaveLength(STATE_MACHINES.length);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      const label = /aria-label="([^"]+)"/.exec(svg)?.[1] ?? '';
      expect(label).toContain('closed');
      expect(HANGUL.test(label)).toBe(locale === 'ko');
    }
    expect(html).toMatch(/<svg[\s\S]*<title[\s\S]*<desc[\s\S]*<text/);
  });
});

describe.each(['en', 'ko'] as const)('the topology diagram in %s', (locale) => {
  it('mesh, SFU and MCU: each drawing has a name in words, and its numbers are text', async () => {
    const html = await render('topology', { locale });
    const text = textOf(html);
    for (const topology of TOPOLOGIES) {
      const load = tabLoad(topology, 4);
      expect(html).toContain(`data-topology="${topology}"`);
      expect(html).toContain(`data-total="${load.total}"`);
      expect(text).toContain(TOPOLOGY_TEXT[topology][locale]);
    }
    const svgs = [...html.matchAll(/<svg[^>]*>/g)].map((match) => match[0]);
    expect(svgs).toHaveLength(TOPOLOGIES.length);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      expect(HANGUL.test(/aria-label="([^"]+)"/.exec(svg)?.[1] ?? '')).toBe(locale === 'ko');
    }
    // The mesh of four draws its six connections; a server star draws four.
    expect(/data-topology="mesh"[\s\S]*?<\/svg>/.exec(html)?.[0].match(/<line/g)).toHaveLength(6);
    expect(/data-topology="sfu"[\s\S]*?<\/svg>/.exec(html)?.[0].match(/<line/g)).toHaveLength(4);
    expect(html).not.toMatch(/<img[\s>]/i);
    expect(HANGUL.test(figcaptionOf(html))).toBe(locale === 'ko');
  });
});

describe('the diagrams without a locale', () => {
  it('speak English outside a Starlight page, and the ICE table can be left out', async () => {
    expect(HANGUL.test(figcaptionOf(await render('offerAnswer', {})))).toBe(false);
    const html = await render('stateMachines', { withIceTable: false });
    expect(HANGUL.test(figcaptionOf(html))).toBe(false);
    expect(html).not.toContain('iceGatheringState');
  });
});
