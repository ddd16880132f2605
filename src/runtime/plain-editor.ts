/**
 * The editor for touch screens, where Monaco is unusable: a plain text box for the entry file
 * (main.ts); the lab's other files pass through unchanged. Same interface as the Monaco editor
 * so the lab controller does not care which it has.
 */
import { ENTRY_FILE } from '../lib/lab-manifest.ts';
import type { LabEditor } from './editor.ts';

export function mountPlainEditor(
  container: HTMLElement,
  options: { files: Readonly<Record<string, string>>; onRun(): void; onChange(files: Record<string, string>): void; label: string },
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
  area.addEventListener('input', () => {
    files = { ...files, [ENTRY_FILE]: area.value };
    options.onChange({ ...files });
  });
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      options.onRun();
    }
  });
  container.replaceChildren(area);
  return {
    getFiles: () => ({ ...files, [ENTRY_FILE]: area.value }),
    setFiles(next) {
      files = { ...next };
      area.value = files[ENTRY_FILE] ?? '';
    },
    showFile: () => {},
    markError: () => {
      area.setAttribute('aria-invalid', 'true');
    },
    clearMarkers: () => area.removeAttribute('aria-invalid'),
    // A text box has no type checker; the run still reports syntax and runtime errors.
    typeErrors: () => Promise.resolve([]),
    focus: () => area.focus(),
    dispose: () => area.remove(),
  };
}
