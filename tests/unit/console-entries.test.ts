import { describe, expect, it } from 'vitest';
import { consoleChange, type ConsoleEntry, type Strings } from '../../src/lib/console-entries.ts';
import type { FeedEvent } from '../../src/lib/feed.ts';
import en from '../../src/content/i18n/en.json' with { type: 'json' };
import ko from '../../src/content/i18n/ko.json' with { type: 'json' };

/** Feeds events through consoleChange as the panel does, and returns the entries shown. */
function show(events: readonly FeedEvent[], strings: Strings = en): ConsoleEntry[] {
  const entries: ConsoleEntry[] = [];
  for (const event of events) {
    const change = consoleChange(event, entries.at(-1), strings);
    if (!change) continue;
    if (change.op === 'replace-last') entries[entries.length - 1] = change.entry;
    else entries.push(change.entry);
  }
  return entries;
}

const text = (entry: ConsoleEntry | undefined): string => (entry?.parts ?? []).map((p) => (p.kind === 'text' ? p.text : `[${p.kind}]`)).join(' ');

const overconstrained = (at: number, extra: Partial<Extract<FeedEvent, { type: 'media-error' }>> = {}): FeedEvent => ({
  type: 'media-error',
  at,
  api: 'getUserMedia',
  name: 'OverconstrainedError',
  message: '',
  constraint: 'width',
  ...extra,
});
const uncaught = (at: number, message = 'OverconstrainedError: ', line: number | undefined = 2): FeedEvent =>
  line === undefined ? { type: 'error', at, phase: 'runtime', message } : { type: 'error', at, phase: 'runtime', message, line };

describe('console entries', () => {
  it('shows console calls at their level and line; console.table as a log', () => {
    const entries = show([
      { type: 'console', at: 1, level: 'warn', args: [{ t: 'string', v: 'careful' }], line: 4 },
      { type: 'console', at: 2, level: 'table', args: [{ t: 'number', v: '1' }] },
      { type: 'pc-closed', at: 3, pc: 'pc1' },
    ]);
    expect(entries).toEqual([
      { level: 'warn', parts: [{ kind: 'text', text: 'careful' }], line: 4 },
      { level: 'log', parts: [{ kind: 'text', text: '1' }] },
    ]);
  });

  it('labels errors by phase, with their line, in either language', () => {
    const event: FeedEvent = { type: 'error', at: 0, phase: 'syntax', message: 'Unexpected token', line: 3 };
    expect(text(show([event])[0])).toBe('Syntax error (line 3): Unexpected token');
    expect(text(show([event], ko)[0])).toBe('문법 오류 (3번째 줄): Unexpected token');
    expect(show([event])[0]).toMatchObject({ level: 'error', line: 3 });
  });

  it('names the constraint an OverconstrainedError with no message could not satisfy, with the hint', () => {
    const [entry] = show([overconstrained(5)]);
    expect(text(entry)).toBe('getUserMedia: OverconstrainedError: no camera can satisfy the constraint “width”');
    expect(entry?.hint).toBe(en['lab.hint.OverconstrainedError']);
    const [korean] = show([overconstrained(5)], ko);
    expect(text(korean)).toBe('getUserMedia: OverconstrainedError: “width” 제약 조건을 만족하는 카메라가 없습니다');
    expect(korean?.hint).toBe(ko['lab.hint.OverconstrainedError']);
  });

  it('says which kind of device a constraint is about, and keeps a browser’s own message', () => {
    expect(text(show([overconstrained(0, { constraint: 'sampleRate' })])[0])).toContain('no microphone can satisfy the constraint “sampleRate”');
    expect(text(show([overconstrained(0, { constraint: 'deviceId' })])[0])).toContain('no device can satisfy the constraint “deviceId”');
    expect(text(show([overconstrained(0, { api: 'getDisplayMedia', constraint: 'frameRate' })])[0])).toContain('the screen capture cannot satisfy');
    expect(text(show([overconstrained(0, { message: 'Constraints could be not satisfied.' })])[0])).toBe(
      'getUserMedia: OverconstrainedError: no camera can satisfy the constraint “width” (Constraints could be not satisfied.)',
    );
  });

  it('shows a media error without a constraint as the browser reported it, never with a dangling colon', () => {
    const notAllowed = show([{ type: 'media-error', at: 0, api: 'getUserMedia', name: 'NotAllowedError', message: 'Permission denied' }]);
    expect(text(notAllowed[0])).toBe('getUserMedia: NotAllowedError: Permission denied');
    expect(notAllowed[0]?.hint).toBe(en['lab.hint.NotAllowedError']);
    // Before the observer names the constraint, or when the browser names none.
    const bare = show([{ type: 'media-error', at: 0, api: 'getUserMedia', name: 'OverconstrainedError', message: '' }, overconstrained(9, { constraint: '' })]);
    expect(bare.map(text)).toEqual(['getUserMedia: OverconstrainedError', 'getUserMedia: OverconstrainedError']);
    expect(show([{ type: 'media-error', at: 0, api: 'getUserMedia', name: 'AbortError', message: 'x' }])[0]).not.toHaveProperty('hint');
  });

  it('folds the uncaught rethrow of a media error into its entry, once, saying it was not caught', () => {
    const entries = show([overconstrained(100), uncaught(104)]);
    expect(entries).toHaveLength(1);
    expect(text(entries[0])).toBe('Error not caught by your code (line 2): getUserMedia: OverconstrainedError: no camera can satisfy the constraint “width”');
    expect(entries[0]).toMatchObject({ level: 'error', line: 2, hint: en['lab.hint.OverconstrainedError'] });
    expect(text(show([overconstrained(100), uncaught(104)], ko)[0])).toBe(
      '코드에서 잡지 않은 오류 (2번째 줄): getUserMedia: OverconstrainedError: “width” 제약 조건을 만족하는 카메라가 없습니다',
    );
    // A second uncaught error is its own entry.
    expect(show([overconstrained(100), uncaught(104), uncaught(105)])).toHaveLength(2);
  });

  it('folds a rethrow reported without a line, or as a non-Error value', () => {
    expect(show([overconstrained(0), uncaught(1, 'OverconstrainedError: ', undefined)])).toMatchObject([{ level: 'error' }]);
    expect(show([overconstrained(0), uncaught(1, 'Uncaught OverconstrainedError')])).toHaveLength(1);
  });

  it('does not fold an error of another name, one that came later, or one after other output', () => {
    expect(show([overconstrained(0), uncaught(1, 'TypeError: x is undefined')])).toHaveLength(2);
    expect(show([overconstrained(0), uncaught(5000)])).toHaveLength(2);
    expect(show([overconstrained(0), { type: 'console', at: 1, level: 'log', args: [] }, uncaught(2)])).toHaveLength(3);
    expect(show([overconstrained(0), { type: 'error', at: 1, phase: 'loop', message: 'OverconstrainedError: ' }])).toHaveLength(2);
  });

  it('shows an uncaught error whose message is empty without a dangling colon', () => {
    expect(text(show([uncaught(0, 'OverconstrainedError: ')])[0])).toBe('Error (line 2): OverconstrainedError');
  });
});
