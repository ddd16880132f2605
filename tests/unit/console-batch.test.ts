import { describe, expect, it } from 'vitest';
import { createConsoleBatch, type ConsoleOp } from '../../src/lib/console-batch.ts';
import type { ConsoleEntry } from '../../src/lib/console-entries.ts';

const entry = (text: string): ConsoleEntry => ({ level: 'log', parts: [{ kind: 'text', text }] });
const append = (text: string) => ({ op: 'append', entry: entry(text) }) as const;
const replace = (text: string) => ({ op: 'replace-last', entry: entry(text) }) as const;

/** Plays ops onto a list the way the panel plays them onto the DOM, keeping the newest `max`. */
function screen(max: number) {
  const shown: string[] = [];
  let noteAt = -1;
  return {
    shown,
    apply(ops: readonly ConsoleOp[]) {
      for (const op of ops) {
        if (op.op === 'append') shown.push(op.entry.parts.map((p) => (p.kind === 'text' ? p.text : '')).join(''));
        else if (op.op === 'replace-last') shown[shown.length - 1] = op.entry.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
        else if (op.op === 'dropped') noteAt = shown.push(`(${op.count} dropped)`) - 1;
        else shown[noteAt] = `(${op.count} dropped)`;
      }
      while (shown.length > max) {
        shown.shift();
        noteAt--;
      }
    },
  };
}

describe('console batch', () => {
  it('hands over what arrived since the last paint, oldest first, and is then empty', () => {
    const batch = createConsoleBatch(10);
    batch.add(append('a'));
    batch.add(append('b'));
    expect(batch.pending).toBe(true);
    expect(batch.take()).toEqual([append('a'), append('b')]);
    expect(batch.pending).toBe(false);
    expect(batch.take()).toEqual([]);
  });

  it('folds a replacement into an entry not yet shown, and targets the shown one otherwise', () => {
    const batch = createConsoleBatch(10);
    batch.add(append('media error'));
    batch.add(replace('media error, uncaught'));
    expect(batch.take()).toEqual([append('media error, uncaught')]);
    batch.add(replace('again'));
    batch.add(replace('and again'));
    expect(batch.take()).toEqual([replace('and again')]);
  });

  it('holds at most `max` new entries: older ones would leave the screen at once', () => {
    const batch = createConsoleBatch(3);
    for (const text of ['1', '2', '3', '4', '5']) batch.add(append(text));
    expect(batch.take()).toEqual([append('3'), append('4'), append('5')]);
  });

  it('counts drops in one note where they happened, and keeps counting on screen until a line follows', () => {
    const batch = createConsoleBatch(10);
    const view = screen(10);
    batch.add(append('line 1'));
    batch.drop();
    batch.drop();
    view.apply(batch.take());
    expect(view.shown).toEqual(['line 1', '(2 dropped)']);
    batch.drop();
    view.apply(batch.take());
    batch.drop();
    batch.drop();
    view.apply(batch.take());
    expect(view.shown).toEqual(['line 1', '(5 dropped)']);
    batch.add(append('line 9'));
    batch.drop();
    view.apply(batch.take());
    expect(view.shown).toEqual(['line 1', '(5 dropped)', 'line 9', '(1 dropped)']);
  });

  it('never folds an error into an entry a drop note came after', () => {
    const batch = createConsoleBatch(10);
    batch.add(append('media error'));
    expect(batch.last).toEqual(entry('media error'));
    batch.drop();
    expect(batch.last).toBeUndefined();
  });

  it('shows the same screen whether it is painted after every change or once at the end', () => {
    const steps: Array<() => ReturnType<typeof append> | 'drop'> = [];
    for (let i = 0; i < 40; i++) steps.push(i % 7 < 3 ? () => append(`line ${i}`) : () => 'drop');
    const everyTime = screen(5);
    const once = screen(5);
    const a = createConsoleBatch(5);
    const b = createConsoleBatch(5);
    for (const step of steps) {
      const change = step();
      if (change === 'drop') {
        a.drop();
        b.drop();
      } else {
        a.add(change);
        b.add(change);
      }
      everyTime.apply(a.take());
    }
    once.apply(b.take());
    expect(once.shown).toEqual(everyTime.shown);
  });

  it('hands over the oldest changes first when a paint takes only some, and shows the same in the end', () => {
    const batch = createConsoleBatch(10);
    for (const text of ['1', '2', '3']) batch.add(append(text));
    batch.drop();
    batch.drop();
    expect(batch.take(2)).toEqual([append('1'), append('2')]);
    // The note is still pending: a drop now still counts in it.
    batch.drop();
    expect(batch.take(2)).toEqual([append('3'), { op: 'dropped', count: 3 }]);
    batch.drop();
    expect(batch.take(2)).toEqual([{ op: 'dropped-more', count: 4 }]);
    expect(batch.pending).toBe(false);
  });

  it('shows the same screen whether each paint takes everything or only a few changes', () => {
    const whole = screen(6);
    const few = screen(6);
    const a = createConsoleBatch(6);
    const b = createConsoleBatch(6);
    for (let i = 0; i < 60; i++) {
      if (i % 5 < 3) {
        a.add(append(`line ${i}`));
        b.add(append(`line ${i}`));
      } else {
        a.drop();
        b.drop();
      }
      if (i % 4 === 0) whole.apply(a.take());
      if (i % 3 === 0) few.apply(b.take(2));
    }
    whole.apply(a.take());
    while (b.pending) few.apply(b.take(2));
    expect(few.shown).toEqual(whole.shown);
  });

  it('starts afresh when cleared', () => {
    const batch = createConsoleBatch(10);
    batch.add(append('a'));
    batch.drop();
    batch.take();
    batch.clear();
    batch.drop();
    expect(batch.take()).toEqual([{ op: 'dropped', count: 1 }]);
  });
});
