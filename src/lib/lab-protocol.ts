/**
 * Messages between a lesson page and its lab frame (another origin). Each side accepts a
 * message only from the window it expects (`event.source`), from the expected origin, and
 * carrying the run's nonce; these guards check the shape, the caller checks the rest.
 */
import type { FeedEvent } from './feed.ts';

export type LabFiles = Readonly<Record<string, string>>;

/** Globals the prepared script calls (see transpile.ts): the runner defines them. */
export const LAB_ENTRY = '__labRun';
export const LAB_GUARD = '__labGuard';

export type PageToFrame =
  /** `script` is main.ts already prepared by prepareLabCode on the page, while the frame loaded. */
  | { readonly kind: 'run'; readonly nonce: string; readonly files: LabFiles; readonly script: string }
  | { readonly kind: 'stop'; readonly nonce: string };

export type FrameToPage =
  | { readonly kind: 'ready'; readonly nonce: string }
  | { readonly kind: 'feed'; readonly nonce: string; readonly event: FeedEvent }
  | { readonly kind: 'stopped'; readonly nonce: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isFrameMessage(data: unknown, nonce: string): data is FrameToPage {
  if (!isRecord(data) || data['nonce'] !== nonce) return false;
  if (data['kind'] === 'ready' || data['kind'] === 'stopped') return true;
  return data['kind'] === 'feed' && isRecord(data['event']) && typeof data['event']['type'] === 'string';
}

export function isPageMessage(data: unknown, nonce: string): data is PageToFrame {
  if (!isRecord(data) || data['nonce'] !== nonce) return false;
  if (data['kind'] === 'stop') return true;
  if (data['kind'] !== 'run' || !isRecord(data['files']) || typeof data['script'] !== 'string') return false;
  return Object.values(data['files']).every((text) => typeof text === 'string');
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
