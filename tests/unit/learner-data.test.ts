import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyDraftRecord, hashFiles, saveDraft, serializeDraftRecord, stash, type Files } from '../../src/lib/drafts.ts';
import { exportFile, exportFileName, isLearnerKey, learnerDataOf, mergeImport, parseImport, MAX_IMPORT_BYTES } from '../../src/lib/learner-data.ts';
import { draftKey, LABS_DONE_KEY, LESSONS_DONE_KEY } from '../../src/lib/storage-keys.ts';
import { anyText, quick } from '../support/properties.ts';

const STARTER: Files = { 'main.ts': '// TODO\n' };
const V1 = hashFiles(STARTER);
const mine = (text: string, at: number) => saveDraft(emptyDraftRecord(), V1, { 'main.ts': text }, STARTER, at);

/** A browser's storage with a draft for one lab, one finished lab and one finished lesson, and a stranger's key. */
function storage(): Record<string, string> {
  return {
    [draftKey('camera-to-video')]: serializeDraftRecord(mine('// my camera code\n', 100)),
    [LABS_DONE_KEY]: JSON.stringify(['camera-to-video']),
    [LESSONS_DONE_KEY]: JSON.stringify(['/media/camera-and-microphone/']),
    'someone-else:key': 'not ours',
  };
}

describe('exporting', () => {
  it('takes the drafts and progress, and nothing else in storage', () => {
    const data = learnerDataOf(storage());
    expect(Object.keys(data.drafts)).toEqual(['camera-to-video']);
    expect(data.labsDone).toEqual(['camera-to-video']);
    expect(data.lessonsDone).toEqual(['/media/camera-and-microphone/']);
    expect(JSON.stringify(data)).not.toContain('not ours');
    expect(Object.keys(storage()).filter(isLearnerKey)).toHaveLength(3);
  });

  it('leaves out what storage holds mangled, and empty records', () => {
    const data = learnerDataOf({ [draftKey('a')]: '{nope', [draftKey('b')]: serializeDraftRecord(emptyDraftRecord()), [LABS_DONE_KEY]: '"x"' });
    expect(data).toEqual({ drafts: {}, labsDone: [], lessonsDone: [] });
  });

  it('names the file by the day, and the file reads back as it was written', () => {
    const now = new Date('2026-12-01T21:00:00Z');
    expect(exportFileName(now)).toBe('webrtc-lab-work-2026-12-01.json');
    const file = exportFile(learnerDataOf(storage()), now);
    const parsed = parseImport(JSON.stringify(file));
    expect(parsed).toEqual({ ok: true, data: learnerDataOf(storage()) });
  });
});

/** Files with this site's format field and anything inside: where the checks of each part are tried. */
const oursShaped = fc
  .record({ format: fc.constant('webrtc-lab-learner-data'), v: fc.constant(1), drafts: fc.dictionary(fc.string(), fc.anything()), labsDone: fc.anything(), lessonsDone: fc.anything() })
  .map((file) => JSON.stringify(file));

describe('importing', () => {
  it('into an empty browser writes everything', () => {
    const file = JSON.stringify(exportFile(learnerDataOf(storage()), new Date()));
    const parsed = parseImport(file);
    if (!parsed.ok) throw new Error(parsed.reason);
    const { writes, counts } = mergeImport({}, parsed.data);
    expect(Object.keys(writes).sort()).toEqual([draftKey('camera-to-video'), LABS_DONE_KEY, LESSONS_DONE_KEY].sort());
    expect(counts).toEqual({ labs: 1, keptNewer: 0, labsDone: 1, lessonsDone: 1 });
  });

  it('the same file twice writes nothing the second time', () => {
    const parsed = parseImport(JSON.stringify(exportFile(learnerDataOf(storage()), new Date())));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(mergeImport(storage(), parsed.data)).toEqual({ writes: {}, counts: { labs: 0, keptNewer: 0, labsDone: 0, lessonsDone: 0 } });
  });

  it('loses nothing: progress is united, and of two drafts of one version the newer stays', () => {
    const here = { ...storage(), [draftKey('snapshot')]: serializeDraftRecord(mine('// newer here\n', 500)) };
    const there = {
      [draftKey('snapshot')]: serializeDraftRecord(mine('// older there\n', 400)),
      [draftKey('camera-to-video')]: serializeDraftRecord(stash(mine('// newer there\n', 200), { 'main.ts': 'stashed' }, 200)),
      [LABS_DONE_KEY]: JSON.stringify(['snapshot']),
    };
    const { writes, counts } = mergeImport(here, learnerDataOf(there));
    expect(counts).toEqual({ labs: 1, keptNewer: 1, labsDone: 1, lessonsDone: 0 });
    expect(writes[draftKey('snapshot')]).toBeUndefined();
    expect(writes[draftKey('camera-to-video')]).toContain('// newer there');
    expect(writes[draftKey('camera-to-video')]).toContain('stashed');
    expect(JSON.parse(writes[LABS_DONE_KEY] ?? '[]')).toEqual(['camera-to-video', 'snapshot']);
  });

  it('refuses what is not an export of this site, and files too large to be one', () => {
    expect(parseImport('{')).toEqual({ ok: false, reason: 'not-json' });
    expect(parseImport('{"format":"something-else","v":1}')).toEqual({ ok: false, reason: 'not-ours' });
    expect(parseImport('[]')).toEqual({ ok: false, reason: 'not-ours' });
    expect(parseImport(' '.repeat(MAX_IMPORT_BYTES + 1))).toEqual({ ok: false, reason: 'too-large' });
  });

  it('writes no key but a lab id’s: a crafted file cannot reach other keys', () => {
    const file = { format: 'webrtc-lab-learner-data', v: 1, drafts: { '../x': mine('a', 1), 'A B': mine('b', 1), ok: mine('c', 1) }, labsDone: [1, 'ok'] };
    const parsed = parseImport(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(Object.keys(parsed.data.drafts)).toEqual(['ok']);
    expect(parsed.data.labsDone).toEqual(['ok']);
  });

  it('any text: never throws, and what it writes is only the site’s keys', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.json(), oursShaped, fc.constant(JSON.stringify(exportFile(learnerDataOf(storage()), new Date())))), (text) => {
        const parsed = quick(() => parseImport(text));
        if (!parsed.ok) return;
        for (const key of Object.keys(mergeImport(storage(), parsed.data).writes)) expect(isLearnerKey(key)).toBe(true);
      }),
    );
  });
});
