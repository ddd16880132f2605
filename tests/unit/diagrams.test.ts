/**
 * The diagrams' data: labels in both languages, and hand-placed graphs that stay legible
 * (edges start and end on their boxes, nothing overlaps, everything inside the viewBox).
 */
import { describe, expect, it } from 'vitest';
import { arrowHead, boxesOverlap, onOutline, shaftPoints, type Box } from '../../src/lib/diagrams/geometry.ts';
import { OFFER_ANSWER_STEPS, OFFER_ANSWER_TEXT } from '../../src/lib/diagrams/offer-answer.ts';
import { ICE_STATE_TABLES, STATE_MACHINES, STATE_MACHINES_TEXT, type StateMachine } from '../../src/lib/diagrams/state-machines.ts';
import { diagramLocale, inlineCode, plainText, type Localized } from '../../src/lib/diagrams/text.ts';

const HANGUL = /[\uac00-\ud7a3]/;

function localizedIn(value: unknown, found: Localized[] = []): Localized[] {
  if (Array.isArray(value)) for (const item of value) localizedIn(item, found);
  else if (value && typeof value === 'object') {
    if ('en' in value && 'ko' in value) found.push(value as Localized);
    else for (const item of Object.values(value)) localizedIn(item, found);
  }
  return found;
}

describe('diagram text', () => {
  it('splits backticked API names from prose', () => {
    expect(inlineCode('`close()` was called')).toEqual([
      { text: 'close()', code: true },
      { text: ' was called', code: false },
    ]);
    expect(inlineCode('no code')).toEqual([{ text: 'no code', code: false }]);
    expect(inlineCode('a ` lone tick')).toEqual([{ text: 'a ` lone tick', code: false }]);
    expect(plainText('each `icecandidate` → `addIceCandidate()`')).toBe('each icecandidate → addIceCandidate()');
  });

  it('picks Korean only when the page says so', () => {
    expect(diagramLocale('ko')).toBe('ko');
    expect(diagramLocale('ko-KR')).toBe('ko');
    expect(diagramLocale(undefined, 'ko')).toBe('ko');
    expect(diagramLocale('en', 'ko')).toBe('en');
    expect(diagramLocale(undefined, undefined)).toBe('en');
    expect(diagramLocale('fr')).toBe('en');
  });

  it('has every label in both languages, the Korean ones written in Hangul', () => {
    const labels = localizedIn([OFFER_ANSWER_STEPS, OFFER_ANSWER_TEXT, STATE_MACHINES, ICE_STATE_TABLES, STATE_MACHINES_TEXT]);
    expect(labels.length).toBeGreaterThan(40);
    // Labels that are only API words are the same in both languages.
    const apiOnly = new Set(['signalingState', 'connectionState: `connected`']);
    for (const label of labels) {
      expect(label.en.trim(), JSON.stringify(label)).not.toBe('');
      expect(label.ko.trim(), JSON.stringify(label)).not.toBe('');
      expect(HANGUL.test(label.en), label.en).toBe(false);
      if (!apiOnly.has(label.ko)) expect(HANGUL.test(label.ko), label.ko).toBe(true);
    }
  });

  it('walks the offer/answer exchange in order, with the signalingState it leaves', () => {
    const calls = OFFER_ANSWER_STEPS.flatMap((step) => (step.kind === 'call' && step.state ? [`${step.side} ${step.call} → ${step.state}`] : []));
    expect(calls).toEqual([
      'caller createOffer() → stable',
      'caller setLocalDescription(offer) → have-local-offer',
      'callee setRemoteDescription(offer) → have-remote-offer',
      'callee createAnswer() → have-remote-offer',
      'callee setLocalDescription(answer) → stable',
      'caller setRemoteDescription(answer) → stable',
    ]);
    const kinds = OFFER_ANSWER_STEPS.map((step) => step.kind);
    // Candidates trickle both ways while the descriptions are still in flight, then the peers connect.
    expect(kinds.indexOf('candidates')).toBeLessThan(kinds.lastIndexOf('description'));
    expect(OFFER_ANSWER_STEPS.filter((step) => step.kind === 'candidates').map((step) => step.kind === 'candidates' && step.from)).toEqual(['caller', 'callee']);
    expect(kinds.at(-1)).toBe('connected');
  });
});

describe('arrow geometry', () => {
  it('puts the arrowhead’s tip on the last point, pointing along the last segment', () => {
    expect(arrowHead([[0, 0], [0, 100]], 10, 5)).toBe('0,100 -5,90 5,90');
    expect(arrowHead([[100, 0], [0, 0]], 10, 5)).toBe('0,0 10,-5 10,5');
    expect(() => arrowHead([[1, 1]])).toThrow();
    expect(() => arrowHead([[1, 1], [1, 1]])).toThrow();
  });

  it('stops the shaft inside the arrowhead', () => {
    expect(shaftPoints([[0, 0], [0, 100], [50, 100]], 10)).toBe('0,0 0,100 42,100');
  });
});

/** A text's extent, estimated from monospace advance (0.6 em) or one em a Hangul syllable. */
function textBox(lines: readonly string[], at: readonly [number, number], anchor: 'start' | 'middle' | 'end', fontSize: number): Box {
  const width = Math.max(...lines.map((line) => [...line].reduce((sum, char) => sum + (HANGUL.test(char) ? fontSize : fontSize * 0.6), 0)));
  const height = lines.length * 13;
  const left = anchor === 'start' ? at[0] : anchor === 'end' ? at[0] - width : at[0] - width / 2;
  return { x: left + width / 2, y: at[1] - fontSize / 3, width, height };
}

function inside(box: Box, machine: StateMachine): boolean {
  return box.x - box.width / 2 >= 0 && box.x + box.width / 2 <= machine.width && box.y - box.height / 2 >= 0 && box.y + box.height / 2 <= machine.height;
}

describe.each(STATE_MACHINES.map((machine) => [machine.property, machine] as const))('the %s graph', (_, machine) => {
  const boxOf = (state: string) => {
    const node = machine.nodes.find((candidate) => candidate.state === state);
    if (!node) throw new Error(`no node ${state}`);
    return node.box;
  };

  it('draws each state once, each inside the viewBox and clear of the others', () => {
    const states = machine.nodes.map((node) => node.state);
    expect(new Set(states).size).toBe(states.length);
    for (const [index, node] of machine.nodes.entries()) {
      expect(inside(node.box, machine), node.state).toBe(true);
      for (const other of machine.nodes.slice(index + 1)) expect(boxesOverlap(node.box, other.box), `${node.state} / ${other.state}`).toBe(false);
      // The name fits its box (14 px monospace).
      expect([...node.state].length * 14 * 0.6 + 12, node.state).toBeLessThan(node.box.width);
    }
  });

  it('connects every state, each edge leaving and entering its boxes', () => {
    const touched = new Set(machine.edges.flatMap((edge) => [edge.from, edge.to]));
    for (const node of machine.nodes) expect(touched.has(node.state), node.state).toBe(true);
    for (const edge of machine.edges) {
      const first = edge.points[0];
      const last = edge.points.at(-1);
      if (!first || !last) throw new Error('empty edge');
      if (edge.from !== '*') expect(onOutline(first, boxOf(edge.from)), `${edge.from} → ${edge.to} starts on ${edge.from}`).toBe(true);
      expect(onOutline(last, boxOf(edge.to)), `${edge.from} → ${edge.to} ends on ${edge.to}`).toBe(true);
    }
    expect(machine.edges.filter((edge) => edge.from === '*').map((edge) => edge.to)).toEqual(['closed']);
  });

  it('keeps every label inside the viewBox and off the boxes', () => {
    const labels = machine.edges.flatMap((edge) => (edge.label ? [textBox(edge.label.lines, edge.label.at, edge.label.anchor, 11)] : []));
    for (const locale of ['en', 'ko'] as const) labels.push(textBox([STATE_MACHINES_TEXT.anyState[locale]], machine.anyStateAt, 'end', 12));
    for (const label of labels) {
      expect(inside(label, machine), JSON.stringify(label)).toBe(true);
      for (const node of machine.nodes) expect(boxesOverlap(label, node.box), `${JSON.stringify(label)} on ${node.state}`).toBe(false);
    }
  });
});
