/**
 * The one declaration of what a lab is made of: the files a learner edits and runs, where each
 * version of them lives in a lab folder, and the modules lab code may import. The registry,
 * the build check, the editor, the runner, share links and the tests all derive from here.
 */

/** Files a learner edits and the frame runs, in the editor's tab order. */
export const LAB_FILES = [
  { name: 'main.ts', language: 'typescript', required: true },
  { name: 'index.html', language: 'html', required: true },
  { name: 'style.css', language: 'css', required: false },
] as const;

export type LabFileName = (typeof LAB_FILES)[number]['name'];
export const LAB_FILE_NAMES: readonly LabFileName[] = LAB_FILES.map((file) => file.name);
/** The file the runner transpiles and runs; the others are markup and style for the frame. */
export const ENTRY_FILE: LabFileName = 'main.ts';
export type LabFiles = Partial<Record<LabFileName, string>>;

export function isLabFileName(name: string): name is LabFileName {
  return (LAB_FILE_NAMES as readonly string[]).includes(name);
}

/** Monaco's language id for a lab file. */
export function languageOf(name: LabFileName): (typeof LAB_FILES)[number]['language'] {
  return LAB_FILES.find((file) => file.name === name)?.language ?? 'typescript';
}

/**
 * Which version of the lab's files a folder file holds. `starter` is what the step begins
 * with; `solution` what it ends with (a solution file that is absent means "same as the
 * starter"); `partner` is the code a pairing lab's partner tab runs (absent: the lab is
 * symmetric, and the partner tab runs the solution).
 */
export type LabVersion = 'starter' | 'solution' | 'partner';

/** Folder file for each version of each lab file; null where that version cannot differ. */
export const LAB_FOLDER: Readonly<Record<LabVersion, Readonly<Record<LabFileName, string | null>>>> = {
  starter: { 'main.ts': 'main.ts', 'index.html': 'index.html', 'style.css': 'style.css' },
  solution: { 'main.ts': 'solution.ts', 'index.html': 'solution.html', 'style.css': 'solution.css' },
  partner: { 'main.ts': 'partner.ts', 'index.html': 'partner.html', 'style.css': null },
};

/** The metadata file (titles, needs, goals), checked by lab-schema.ts. */
export const LAB_META_FILE = 'lab.ts';
/** Folder files every lab must have. */
export const REQUIRED_FOLDER_FILES: readonly string[] = [LAB_META_FILE, 'main.ts', 'solution.ts', 'index.html'];

export type Locale = 'en' | 'ko';
export const LOCALES: readonly Locale[] = ['en', 'ko'];

/**
 * A file's Korean edition sits beside it with `.ko` before the extension (`main.ko.ts`):
 * the same code, with comments and the frame's visible text written for Korean readers.
 * Where it is absent, Korean pages show the English file.
 */
export function localizedName(folderFile: string, locale: Locale): string {
  if (locale === 'en') return folderFile;
  const dot = folderFile.lastIndexOf('.');
  return `${folderFile.slice(0, dot)}.${locale}${folderFile.slice(dot)}`;
}

/** Modules lab code may import by name; the sandbox provides each (src/sandbox/modules.ts). */
export const LAB_MODULES = ['lab', 'peerjs', 'webrtc-adapter'] as const;
export type LabModule = (typeof LAB_MODULES)[number];

export function isLabModule(name: string): name is LabModule {
  return (LAB_MODULES as readonly string[]).includes(name);
}

export const LAB_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Where the site serves a lab's solution in one locale (src/pages/lab-solutions/[name].json.ts):
 * not in the lesson page, where only a Solution click needs it. (Brotli had compressed it mostly
 * against the starter beside it, so the page's bytes fell little: 107 B on the heaviest Korean
 * lesson; its parsed HTML, 12 kB.)
 */
export function solutionPath(id: string, locale: Locale): string {
  return `/lab-solutions/${solutionName(id, locale)}.json`;
}

export function solutionName(id: string, locale: Locale): string {
  return `${id}.${locale}`;
}

/**
 * Reads one lab's files for one version and locale through `read` (folder file → text, or
 * undefined when absent). Solution and partner files that are absent fall back to the starter's.
 */
export function labFiles(read: (folderFile: string) => string | undefined, version: LabVersion, locale: Locale): LabFiles | null {
  const files: LabFiles = {};
  for (const { name } of LAB_FILES) {
    const own = LAB_FOLDER[version][name];
    const starter = LAB_FOLDER.starter[name];
    const pick = (folderFile: string | null): string | undefined =>
      folderFile === null ? undefined : (read(localizedName(folderFile, locale)) ?? read(folderFile));
    const text = pick(own) ?? (version === 'starter' ? undefined : pick(starter));
    if (text !== undefined) files[name] = text;
  }
  if (version === 'partner' && read(LAB_FOLDER.partner['main.ts'] ?? '') === undefined) return null;
  return files;
}
