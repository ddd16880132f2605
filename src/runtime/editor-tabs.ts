/**
 * The editor's file tabs: an ARIA tablist with roving tabindex over the lab's files, shown only
 * when there is more than one. Order and languages come from the lab manifest (LAB_FILES).
 */
import { LAB_FILE_NAMES, isLabFileName, languageOf } from '../lib/lab-manifest.ts';

/** The manifest's order, then any file it does not know, alphabetically. */
export function orderedNames(files: Readonly<Record<string, string>>): string[] {
  const rank = (name: string): number => (isLabFileName(name) ? LAB_FILE_NAMES.indexOf(name) : LAB_FILE_NAMES.length);
  return Object.keys(files).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Monaco's language id; a file the manifest does not know is plain text. */
export function languageOfFile(name: string): string {
  return isLabFileName(name) ? languageOf(name) : 'plaintext';
}

export interface FileTabs {
  /** The tab strip; the caller places it before the panel. */
  readonly element: HTMLElement;
  /** One tab per file (none for a single file). Same names as before: nothing is rebuilt, so a focused tab keeps its focus. */
  setNames(names: readonly string[]): void;
  /** Marks `name` as the selected tab. */
  select(name: string): void;
}

export interface FileTabsOptions {
  /** Prefix for element ids, unique on the page. */
  idBase: string;
  /** The element the tabs control (gets role="tabpanel" while there are tabs). */
  panel: HTMLElement;
  /** Accessible name of the tab list, e.g. "Files" / "파일". */
  label: string;
  /** A tab was clicked or chosen with the arrow keys; the owner shows the file and calls `select`. */
  onSelect(name: string): void;
}

export function createFileTabs({ idBase, panel, label, onSelect }: FileTabsOptions): FileTabs {
  const element = document.createElement('div');
  element.className = 'lab-editor-tabs';
  element.setAttribute('role', 'tablist');
  element.setAttribute('aria-label', label);
  element.hidden = true;
  const tabs = new Map<string, HTMLButtonElement>();
  let selected = '';

  const sync = (): void => {
    for (const [name, tab] of tabs) {
      tab.setAttribute('aria-selected', String(name === selected));
      tab.tabIndex = name === selected ? 0 : -1;
    }
    const current = tabs.get(selected);
    if (current) panel.setAttribute('aria-labelledby', current.id);
    else panel.removeAttribute('aria-labelledby');
  };

  const setNames = (names: readonly string[]): void => {
    const shown = names.length < 2 ? [] : names;
    if (shown.join('\n') === [...tabs.keys()].join('\n')) return;
    element.replaceChildren();
    tabs.clear();
    element.hidden = shown.length === 0;
    if (shown.length === 0) panel.removeAttribute('role');
    else panel.setAttribute('role', 'tabpanel');
    shown.forEach((name, index) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'lab-editor-tab';
      tab.id = `${idBase}-tab-${index}`;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', panel.id);
      tab.dataset['file'] = name;
      tab.textContent = name;
      tab.addEventListener('click', () => onSelect(name));
      tabs.set(name, tab);
      element.append(tab);
    });
    sync();
  };

  element.addEventListener('keydown', (event) => {
    const list = [...tabs.keys()];
    const current = list.indexOf((event.target as HTMLElement).dataset['file'] ?? '');
    if (current === -1) return;
    const targets: Record<string, number> = { ArrowRight: (current + 1) % list.length, ArrowLeft: (current - 1 + list.length) % list.length, Home: 0, End: list.length - 1 };
    const next = targets[event.key];
    const name = next === undefined ? undefined : list[next];
    if (name === undefined) return;
    event.preventDefault();
    onSelect(name);
    tabs.get(name)?.focus();
  });

  return {
    element,
    setNames,
    select(name) {
      selected = name;
      sync();
    },
  };
}
