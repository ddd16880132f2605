/**
 * On a reading page, before the editor loads: a lab whose learner saved a draft shows that
 * draft in its code box, not the starter, because Run runs the draft. Plain text, no
 * highlighting (the highlighter stays off reading pages); the editor replaces it on Edit.
 */
import { openDraft } from '../lib/draft-record.ts';
import { loadDrafts } from './draft-store.ts';

export function showSavedDrafts(): void {
  for (const section of document.querySelectorAll<HTMLElement>('.lab[data-lab]')) {
    const id = section.dataset['lab'] ?? '';
    const { record, error } = loadDrafts(id);
    if (error) continue;
    // The starter's hash has an attribute of its own: the lab's JSON is parsed on the first click, not on load.
    const box = section.querySelector<HTMLElement>('.lab-code');
    // The box names its file (the build's ENTRY_FILE): this loader carries no lab manifest.
    const entry = box?.dataset['entry'];
    if (!box || entry === undefined) continue;
    const code = openDraft(record, section.dataset['starterHash'] ?? '').files?.[entry];
    if (code === undefined) continue;
    const caption = Object.assign(document.createElement('p'), { className: 'lab-draft-note', textContent: box.dataset['draftNote'] ?? '' });
    const pre = document.createElement('pre');
    pre.className = 'lab-draft';
    pre.dataset['file'] = entry;
    pre.append(Object.assign(document.createElement('code'), { textContent: code }));
    box.replaceChildren(caption, pre);
  }
}
