/**
 * The editor for touch screens, where Monaco is unusable: a plain text box for the entry file
 * (main.ts); the lab's other files pass through unchanged. Same interface as the Monaco editor
 * so the lab controller does not care which it has.
 */
import { findInvisibleCharacters } from '../lib/invisible-characters.ts';
import { ENTRY_FILE } from '../lib/lab-manifest.ts';
import type { LabEditor } from './editor.ts';

export function mountPlainEditor(
  container: HTMLElement,
  options: {
    files: Readonly<Record<string, string>>;
    onRun(): void;
    onChange(files: Record<string, string>): void;
    label: string;
    /** The sentence that lists hidden characters, given the list (`2:3 U+202E RIGHT-TO-LEFT OVERRIDE, …`). */
    invisibleNotice(list: string): string;
  },
): LabEditor {
  let files: Record<string, string> = { ...options.files };
  const area = document.createElement('textarea');
  area.value = files[ENTRY_FILE] ?? '';
  area.spellcheck = false;
  // Long lines wrap (a textarea's default, said here because the static view and Monaco wrap too).
  area.wrap = 'soft';
  area.autocapitalize = 'off';
  area.setAttribute('autocorrect', 'off');
  area.setAttribute('aria-label', options.label);
  // A text box cannot mark characters the way Monaco does, so hidden ones are listed below it.
  const hidden = document.createElement('p');
  hidden.className = 'lab-hidden-characters';
  hidden.setAttribute('role', 'status');
  const showHidden = (): void => {
    const found = findInvisibleCharacters(area.value);
    hidden.hidden = found.length === 0;
    hidden.textContent = found.length ? options.invisibleNotice(found.map((c) => `${c.line}:${c.column} ${c.name}`).join(', ')) : '';
  };
  area.addEventListener('input', () => {
    files = { ...files, [ENTRY_FILE]: area.value };
    showHidden();
    options.onChange({ ...files });
  });
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      options.onRun();
    }
  });
  container.replaceChildren(area, hidden);
  showHidden();
  return {
    getFiles: () => ({ ...files, [ENTRY_FILE]: area.value }),
    setFiles(next) {
      files = { ...next };
      area.value = files[ENTRY_FILE] ?? '';
      showHidden();
    },
    showFile: () => {},
    markError: () => {
      area.setAttribute('aria-invalid', 'true');
    },
    clearMarkers: () => area.removeAttribute('aria-invalid'),
    // A text box has no type checker; the run still reports syntax and runtime errors.
    typeErrors: () => Promise.resolve([]),
    focus: () => area.focus(),
    dispose: () => {
      area.remove();
      hidden.remove();
    },
  };
}
