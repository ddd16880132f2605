import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adoptOlder,
  changedElsewhere,
  dismissOlder,
  draftKey,
  emptyDraftRecord,
  hashFiles,
  openDraft,
  parseDraftRecord,
  saveDraft,
  serializeDraftRecord,
  stash,
  unstash,
  type DraftRecord,
  type Files,
} from '../../src/lib/drafts.ts';

const STARTER_V1: Files = { 'main.ts': "import { log } from 'lab';\n// TODO: create a peer connection\n", 'index.html': '<video></video>' };
const STARTER_V2: Files = { ...STARTER_V1, 'main.ts': "import { log } from 'lab';\n// TODO: create a peer connection (v2)\n" };
const V1 = hashFiles(STARTER_V1);
const V2 = hashFiles(STARTER_V2);
const SOLUTION: Files = { ...STARTER_V1, 'main.ts': 'const pc = new RTCPeerConnection();\n' };

const edit = (starter: Files, text: string): Files => ({ ...starter, 'main.ts': `${starter['main.ts'] ?? ''}${text}` });

/** What the page does on every load: read storage, parse, open the draft for this starter. */
function reload(stored: string, starterHash: string) {
  const record = parseDraftRecord(stored);
  return { record, ...openDraft(record, starterHash) };
}

/** Freezes a record deeply, so a test fails if any function mutates its input. */
function frozen(record: DraftRecord): DraftRecord {
  const freeze = (value: unknown): void => {
    if (typeof value === 'object' && value !== null) {
      Object.freeze(value);
      Object.values(value).forEach(freeze);
    }
  };
  freeze(record);
  return record;
}

describe('hashFiles', () => {
  it('is stable, hex, and independent of key order', () => {
    const a = hashFiles({ 'main.ts': 'x', 'index.html': 'y' });
    expect(a).toMatch(/^[0-9a-f]{14}$/);
    expect(hashFiles({ 'index.html': 'y', 'main.ts': 'x' })).toBe(a);
    expect(hashFiles({ 'main.ts': 'x', 'index.html': 'y' })).toBe(a);
  });

  it('pins its value, so starters keep their identity across builds and browsers', () => {
    expect(hashFiles({})).toBe(hashFiles({}));
    expect(hashFiles({ 'main.ts': '' })).not.toBe(hashFiles({}));
    // bryc's reference cyrb53 of "7:main.ts12:const a = 1;", the length-prefixed pair.
    expect(hashFiles({ 'main.ts': 'const a = 1;' })).toBe('10152cb66e21ab');
  });

  it('tells apart files that only differ in how names and contents are split', () => {
    expect(hashFiles({ ab: 'c' })).not.toBe(hashFiles({ a: 'bc' }));
    expect(hashFiles({ a: 'b', c: 'd' })).not.toBe(hashFiles({ a: 'bc', '': 'd' }));
  });

  it('differs when any file changes, in practice (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), fc.string(), fc.string(), (files, name, text) => {
        fc.pre(files[name] !== text);
        expect(hashFiles({ ...files, [name]: text })).not.toBe(hashFiles(files));
      }),
    );
  });

  it('is order-independent for any files (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (files) => {
        const reversed = Object.fromEntries(Object.entries(files).reverse());
        expect(hashFiles(reversed)).toBe(hashFiles(files));
      }),
    );
  });
});

describe('draftKey', () => {
  it('namespaces drafts per lab', () => {
    expect(draftKey('first-call')).toBe('webrtc-lab:draft:first-call');
  });
});

describe('drafts, as a learner lives them', () => {
  it('edit → reload → the same code', () => {
    const mine = edit(STARTER_V1, '\nconst pc = new RTCPeerConnection(); // 내 코드\n');
    const record = saveDraft(emptyDraftRecord(), V1, mine, STARTER_V1, 1000);
    const page = reload(serializeDraftRecord(record), V1);
    expect(page.files).toEqual(mine);
    expect(page.older).toBeNull();
  });

  it('a fresh lab has no draft and nothing to offer', () => {
    expect(openDraft(parseDraftRecord(null), V1)).toEqual({ files: null, older: null });
  });

  it('undoing every change leaves no draft behind', () => {
    let record = saveDraft(emptyDraftRecord(), V1, edit(STARTER_V1, 'x'), STARTER_V1, 1000);
    record = saveDraft(record, V1, { ...STARTER_V1 }, STARTER_V1, 2000);
    expect(record.drafts).toEqual([]);
    expect(openDraft(record, V1).files).toBeNull();
  });

  it('later edits replace the draft for the same starter', () => {
    let record = saveDraft(emptyDraftRecord(), V1, edit(STARTER_V1, 'a'), STARTER_V1, 1000);
    record = saveDraft(record, V1, edit(STARTER_V1, 'ab'), STARTER_V1, 2000);
    expect(record.drafts).toHaveLength(1);
    expect(openDraft(record, V1).files).toEqual(edit(STARTER_V1, 'ab'));
  });

  it('starter changes → the old draft is offered, not applied, and not deleted', () => {
    const mine = edit(STARTER_V1, '\n// my work on v1');
    const stored = serializeDraftRecord(saveDraft(emptyDraftRecord(), V1, mine, STARTER_V1, 1000));
    const page = reload(stored, V2);
    expect(page.files).toBeNull(); // the new starter is shown
    expect(page.older).toEqual({ files: mine, savedAt: 1000 });

    // The learner ignores the offer and edits the new starter: the old draft is still kept and offered.
    const record = saveDraft(page.record, V2, edit(STARTER_V2, '\n// v2 work'), STARTER_V2, 2000);
    const next = reload(serializeDraftRecord(record), V2);
    expect(next.files).toEqual(edit(STARTER_V2, '\n// v2 work'));
    expect(next.older).toEqual({ files: mine, savedAt: 1000 });
  });

  it('adopt → the older draft becomes the current draft and is no longer offered', () => {
    const mine = edit(STARTER_V1, '\n// v1 work');
    const record = frozen(saveDraft(emptyDraftRecord(), V1, mine, STARTER_V1, 1000));
    const adopted = adoptOlder(record, V2, 5000);
    const page = reload(serializeDraftRecord(adopted), V2);
    expect(page.files).toEqual(mine);
    expect(page.older).toBeNull();
    expect(adopted.drafts).toEqual([{ starter: V2, files: mine, savedAt: 5000 }]);
  });

  it('adopt with nothing on offer changes nothing', () => {
    const record = saveDraft(emptyDraftRecord(), V2, edit(STARTER_V2, 'x'), STARTER_V2, 1000);
    expect(adoptOlder(record, V2, 2000)).toBe(record);
  });

  it('dismiss → not offered again, the current draft untouched, the old one kept for a while', () => {
    let record = saveDraft(emptyDraftRecord(), V1, edit(STARTER_V1, 'v1'), STARTER_V1, 1000);
    record = saveDraft(record, V2, edit(STARTER_V2, 'v2'), STARTER_V2, 2000);
    const dismissed = dismissOlder(frozen(record), V2);
    const page = reload(serializeDraftRecord(dismissed), V2);
    expect(page.older).toBeNull();
    expect(page.files).toEqual(edit(STARTER_V2, 'v2'));
    expect(dismissed.drafts).toHaveLength(2);
  });

  it('dismiss without the starter hash still stops the offer', () => {
    const record = saveDraft(emptyDraftRecord(), V1, edit(STARTER_V1, 'v1'), STARTER_V1, 1000);
    expect(openDraft(dismissOlder(record), V2).older).toBeNull();
  });

  it('after a dismiss, the current draft is offered again when the starter changes once more', () => {
    const V3 = hashFiles({ ...STARTER_V2, 'main.ts': 'v3' });
    let record = saveDraft(emptyDraftRecord(), V1, edit(STARTER_V1, 'v1'), STARTER_V1, 1000);
    record = dismissOlder(record, V2);
    record = saveDraft(record, V2, edit(STARTER_V2, 'v2'), STARTER_V2, 2000);
    expect(openDraft(record, V3).older).toEqual({ files: edit(STARTER_V2, 'v2'), savedAt: 2000 });
  });

  it('offers the newest older draft, and after adopting it, not the ones before it', () => {
    const V3 = hashFiles({ 'main.ts': 'v3' });
    let record = saveDraft(emptyDraftRecord(), V1, edit(STARTER_V1, 'v1'), STARTER_V1, 1000);
    record = saveDraft(record, V2, edit(STARTER_V2, 'v2'), STARTER_V2, 2000);
    expect(openDraft(record, V3).older?.files).toEqual(edit(STARTER_V2, 'v2'));
    record = adoptOlder(record, V3, 3000);
    expect(openDraft(record, V3)).toEqual({ files: edit(STARTER_V2, 'v2'), older: null });
  });

  it('keeps at most 3 drafts for older starters, dropping the oldest', () => {
    let record = emptyDraftRecord();
    for (let version = 1; version <= 6; version++) {
      const starter = { 'main.ts': `v${version}` };
      record = saveDraft(record, hashFiles(starter), edit(starter, ' edited'), starter, version * 1000);
    }
    expect(record.drafts.map((d) => d.savedAt)).toEqual([6000, 5000, 4000, 3000]);
  });

  it('never drops the draft on offer in favour of drafts already dismissed', () => {
    const starters = [1, 2, 3, 4, 5].map((v) => ({ 'main.ts': `v${v}` }));
    const hashes = starters.map(hashFiles);
    // Drafts for v1…v4; the learner dismissed v2…v4 at some point, but never decided on v1.
    let record = emptyDraftRecord();
    for (const [i, starter] of starters.slice(0, 4).entries()) {
      record = saveDraft(record, hashes[i] ?? '', edit(starter, ' mine'), starter, (i + 1) * 1000);
    }
    record = { ...record, drafts: record.drafts.map((d) => (d.starter === hashes[0] ? d : { ...d, dismissed: true as const })) };
    const v5 = starters[4] ?? {};
    const h5 = hashes[4] ?? '';
    expect(openDraft(record, h5).older?.savedAt).toBe(1000);
    // Editing v5 makes room for its draft: the three newest would all be dismissed ones.
    record = saveDraft(record, h5, edit(v5, ' new'), v5, 5000);
    expect(record.drafts.filter((d) => d.starter !== h5)).toHaveLength(3);
    expect(openDraft(record, h5).older).toEqual({ files: edit(starters[0] ?? {}, ' mine'), savedAt: 1000 });
  });

  it('Solution → My code brings the learner’s code back exactly', () => {
    const mine: Files = { 'main.ts': 'const 연결 = new RTCPeerConnection();\r\n\t// exact   spacing  ', 'index.html': '<p>mine</p>', 'style.css': '' };
    let record = saveDraft(emptyDraftRecord(), V1, mine, STARTER_V1, 1000);
    record = stash(frozen(record), mine, 2000);
    // The stash survives a reload while the solution is shown.
    record = parseDraftRecord(serializeDraftRecord(record));
    const back = unstash(frozen(record));
    expect(back.files).toEqual(mine);
    expect(back.record.stash).toBeUndefined();
    expect(back.record.drafts).toEqual(record.drafts);
    expect(openDraft(back.record, V1).files).toEqual(mine);
    // SOLUTION is never saved as the learner's draft by these functions.
    expect(JSON.stringify(back.record)).not.toContain(SOLUTION['main.ts']);
  });

  it('a second stash captures the code at that moment', () => {
    let record = stash(emptyDraftRecord(), { 'main.ts': 'first' }, 1);
    record = stash(record, { 'main.ts': 'second' }, 2);
    expect(unstash(record).files).toEqual({ 'main.ts': 'second' });
  });

  it('My code with nothing stashed gives nothing and keeps the record', () => {
    const record = emptyDraftRecord();
    expect(unstash(record)).toEqual({ record, files: null });
  });

  it('returned files are copies: editing them does not change the record', () => {
    const record = saveDraft(emptyDraftRecord(), V1, edit(STARTER_V1, 'x'), STARTER_V1, 1);
    const opened = openDraft(record, V1);
    if (opened.files) opened.files['main.ts'] = 'changed';
    expect(openDraft(record, V1).files?.['main.ts']).not.toBe('changed');
  });
});

describe('two tabs of one lab', () => {
  it('nothing changed elsewhere: the record this tab knows is the one stored', () => {
    const known = frozen(saveDraft(emptyDraftRecord(), V1, edit(STARTER_V1, 'a'), STARTER_V1, 1));
    expect(changedElsewhere(known, known, V1)).toBeNull();
    expect(changedElsewhere(emptyDraftRecord(), emptyDraftRecord(), V1)).toBeNull();
  });

  it('the other tab saved different code: its code is offered', () => {
    const known = frozen(saveDraft(emptyDraftRecord(), V1, edit(STARTER_V1, 'a'), STARTER_V1, 1));
    const stored = frozen(saveDraft(known, V1, edit(STARTER_V1, 'b'), STARTER_V1, 2));
    expect(changedElsewhere(known, stored, V1)).toEqual({ files: edit(STARTER_V1, 'b') });
    // A tab that had no draft yet meets one written elsewhere.
    expect(changedElsewhere(emptyDraftRecord(), stored, V1)).toEqual({ files: edit(STARTER_V1, 'b') });
  });

  it('the other tab went back to the starter: that is a change too (files null)', () => {
    const known = frozen(saveDraft(emptyDraftRecord(), V1, edit(STARTER_V1, 'a'), STARTER_V1, 1));
    const stored = saveDraft(known, V1, STARTER_V1, STARTER_V1, 2);
    expect(changedElsewhere(known, stored, V1)).toEqual({ files: null });
  });

  it('the same code saved later, or a change to another starter or the stash, is no conflict', () => {
    const known = frozen(saveDraft(emptyDraftRecord(), V1, edit(STARTER_V1, 'a'), STARTER_V1, 1));
    expect(changedElsewhere(known, saveDraft(known, V1, edit(STARTER_V1, 'a'), STARTER_V1, 5), V1)).toBeNull();
    expect(changedElsewhere(known, saveDraft(known, V2, edit(STARTER_V2, 'z'), STARTER_V2, 5), V1)).toBeNull();
    expect(changedElsewhere(known, stash(known, SOLUTION, 5), V1)).toBeNull();
  });
});

describe('parseDraftRecord: storage holds garbage', () => {
  it.each([
    ['null', null],
    ['empty', ''],
    ['not JSON', '{oops'],
    ['a number', '42'],
    ['an array', '[]'],
    ['JSON null', 'null'],
    ['another version', '{"v":2,"drafts":[]}'],
    ['drafts not an array', '{"v":1,"drafts":{}}'],
  ])('%s → an empty record', (_, raw) => {
    expect(parseDraftRecord(raw)).toEqual(emptyDraftRecord());
  });

  it('keeps the valid drafts among broken ones', () => {
    const raw = JSON.stringify({
      v: 1,
      drafts: [
        { starter: 'a', files: { 'main.ts': 'ok' }, savedAt: 2 },
        { starter: 'b', files: { 'main.ts': 1 }, savedAt: 3 },
        { starter: '', files: {}, savedAt: 3 },
        { starter: 'c', files: [], savedAt: 3 },
        { starter: 'd', files: {}, savedAt: 'yesterday' },
        null,
        'draft',
        { starter: 'e', files: { 'main.ts': 'ok too' }, savedAt: 5, dismissed: 'yes' },
      ],
      stash: { files: 'nope', savedAt: 1 },
    });
    expect(parseDraftRecord(raw)).toEqual({
      v: 1,
      drafts: [
        { starter: 'e', files: { 'main.ts': 'ok too' }, savedAt: 5 },
        { starter: 'a', files: { 'main.ts': 'ok' }, savedAt: 2 },
      ],
    });
  });

  it('keeps one draft per starter, the newest', () => {
    const raw = JSON.stringify({
      v: 1,
      drafts: [
        { starter: 'a', files: { 'main.ts': 'old' }, savedAt: 1 },
        { starter: 'a', files: { 'main.ts': 'new' }, savedAt: 2 },
      ],
    });
    expect(parseDraftRecord(raw).drafts).toEqual([{ starter: 'a', files: { 'main.ts': 'new' }, savedAt: 2 }]);
  });

  it('keeps a "__proto__" file name as a plain file, without polluting anything', () => {
    const record = parseDraftRecord('{"v":1,"drafts":[{"starter":"a","files":{"__proto__":"x"},"savedAt":1}]}');
    expect(Object.keys(record.drafts[0]?.files ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('never throws, for any string (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        const record = parseDraftRecord(raw);
        expect(record.v).toBe(1);
        expect(Array.isArray(record.drafts)).toBe(true);
      }),
    );
  });

  it('reads back exactly what it wrote, for any sequence of actions (property)', () => {
    const files = fc.dictionary(fc.constantFrom('main.ts', 'index.html', 'style.css'), fc.string({ unit: 'grapheme' }));
    const action = fc.oneof(
      fc.record({ kind: fc.constant('save' as const), starter: fc.constantFrom(V1, V2), files }),
      fc.record({ kind: fc.constantFrom('adopt' as const, 'dismiss' as const, 'unstash' as const), starter: fc.constantFrom(V1, V2) }),
      fc.record({ kind: fc.constant('stash' as const), files }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 20 }), (actions) => {
        let record = emptyDraftRecord();
        let now = 0;
        for (const a of actions) {
          now += 1;
          if (a.kind === 'save') record = saveDraft(record, a.starter, a.files, a.starter === V1 ? STARTER_V1 : STARTER_V2, now);
          else if (a.kind === 'adopt') record = adoptOlder(record, a.starter, now);
          else if (a.kind === 'dismiss') record = dismissOlder(record, a.starter);
          else if (a.kind === 'unstash') record = unstash(record).record;
          else if (a.kind === 'stash') record = stash(record, a.files, now);
          expect(parseDraftRecord(serializeDraftRecord(record))).toEqual(record);
          expect(new Set(record.drafts.map((d) => d.starter)).size).toBe(record.drafts.length);
        }
      }),
    );
  });
});
