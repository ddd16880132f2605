/**
 * Messages between a lesson page and its lab frame (another origin). Each side accepts a
 * message only from the window it expects (`event.source`), from the expected origin, and
 * carrying the run's nonce; these guards check the shape, the caller checks the rest.
 */
import type { FeedEvent, FeedWatch } from './feed.ts';
import { isLabFileName, isLabModule, LOCALES, type LabFiles, type LabModule, type Locale } from './lab-manifest.ts';

export type { LabFiles } from './lab-manifest.ts';
export type Theme = 'light' | 'dark';

/** Globals the prepared script calls (see transpile.ts): the runner defines them. */
export const LAB_ENTRY = '__labRun';
export const LAB_GUARD = '__labGuard';

export interface RunMessage {
  readonly kind: 'run';
  readonly nonce: string;
  readonly files: LabFiles;
  /** main.ts already prepared by prepareLabCode on the page, while the frame loaded. */
  readonly script: string;
  /** Modules the script imports (from the parse), loaded before it runs. */
  readonly modules: readonly LabModule[];
  /** What the goals need sampled. */
  readonly watch: FeedWatch;
  /** The page's language and theme: the frame's own messages and colours follow them. */
  readonly locale: Locale;
  readonly theme: Theme;
}

export type PageToFrame = RunMessage | { readonly kind: 'stop'; readonly nonce: string };

export type FrameToPage =
  | { readonly kind: 'ready'; readonly nonce: string }
  | { readonly kind: 'feed'; readonly nonce: string; readonly event: FeedEvent }
  /** The height the frame's content needs (CSS px), so the page can size the output to fit. */
  | { readonly kind: 'size'; readonly nonce: string; readonly height: number }
  | { readonly kind: 'stopped'; readonly nonce: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isFrameMessage(data: unknown, nonce: string): data is FrameToPage {
  if (!isRecord(data) || data['nonce'] !== nonce) return false;
  if (data['kind'] === 'ready' || data['kind'] === 'stopped') return true;
  if (data['kind'] === 'size') return typeof data['height'] === 'number' && Number.isFinite(data['height']);
  return data['kind'] === 'feed' && isRecord(data['event']) && typeof data['event']['type'] === 'string' && typeof data['event']['at'] === 'number';
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

export function isPageMessage(data: unknown, nonce: string): data is PageToFrame {
  if (!isRecord(data) || data['nonce'] !== nonce) return false;
  if (data['kind'] === 'stop') return true;
  if (data['kind'] !== 'run' || !isRecord(data['files']) || typeof data['script'] !== 'string') return false;
  if (!Object.entries(data['files']).every(([name, text]) => isLabFileName(name) && typeof text === 'string')) return false;
  if (!isStringList(data['modules']) || !data['modules'].every(isLabModule)) return false;
  const watch = data['watch'];
  if (!isRecord(watch) || !isStringList(watch['values']) || !isStringList(watch['canvases'])) return false;
  return (LOCALES as readonly unknown[]).includes(data['locale']) && (data['theme'] === 'light' || data['theme'] === 'dark');
}

/** A nonce for one run: 128 random bits, hex. */
export function newNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The frame's address for one run: the nonce and the page's origin travel in the fragment, never to a server. */
export function frameUrl(labOrigin: string, nonce: string, parentOrigin: string): string {
  return `${labOrigin}/lab-frame/#${new URLSearchParams({ nonce, parent: parentOrigin })}`;
}

export function parseFrameFragment(hash: string): { nonce: string; parent: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const nonce = params.get('nonce');
  const parent = params.get('parent');
  if (!nonce || !/^[0-9a-f]{32}$/.test(nonce) || !parent) return null;
  return { nonce, parent };
}
