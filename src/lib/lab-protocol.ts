/**
 * Messages between a lesson page and its lab frame (another origin). Two steps:
 *
 * 1. On the window: the fresh frame says `hello` to the page; the page answers `connect`,
 *    handing over one end of a MessageChannel. Both sides check the window (`event.source`)
 *    and the origin; the page takes one hello per frame, the frame one connect.
 * 2. On that channel, everything else: the run, the feed, size, stop. The page keeps its end;
 *    the runner keeps the other in a closure, before any learner code exists in the frame.
 *
 * No secret travels anywhere learner code could read it (the URL, the performance entries, a
 * global): what proves a message came from the runner is the port it arrived on.
 */
import type { FeedEvent, FeedWatch } from './feed.ts';
import { isLabFileName, isLabModule, LOCALES, type LabFiles, type LabModule, type Locale } from './lab-manifest.ts';
import { MAX_ROOM_SIZE, parseRole, parseRoomCode, seatOf, type Role } from './pairing/room-code.ts';

export type { LabFiles } from './lab-manifest.ts';
// The window handshake is a module of its own: the reading page's loader opens frames with it.
export { frameUrl, isHandshake, LAB_CONFIG_PATH, parseFrameFragment, type Handshake } from './frame-handshake.ts';
export type Theme = 'light' | 'dark';

/** Globals the prepared script calls (see transpile.ts): the runner defines them. */
export const LAB_ENTRY = '__labRun';
export const LAB_GUARD = '__labGuard';

/** A pairing lab's room, as the page joined it: what `room()` in the lab helper connects to. */
export interface PairingInfo {
  readonly room: string;
  readonly role: Role;
  readonly lab: string;
  /** Seats in the room when more than a pair (a mesh lab); absent: 2, host and guest. */
  readonly size?: number;
}

export interface RunMessage {
  readonly kind: 'run';
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
  /** Set for a pairing lab: the room this tab is in, and as whom. */
  readonly pairing: PairingInfo | null;
}

/** `theme`: the reader switched the site's theme during the run; the frame's colours follow. */
export type PageToFrame = RunMessage | { readonly kind: 'stop' } | { readonly kind: 'theme'; readonly theme: Theme };

export type FrameToPage =
  | { readonly kind: 'feed'; readonly event: FeedEvent }
  /** The height the frame's content needs (CSS px), so the page can size the output to fit. */
  | { readonly kind: 'size'; readonly height: number }
  | { readonly kind: 'stopped' }
  /**
   * The learner clicked an `<a download>` in the frame. The frame may not download (its sandbox
   * has no allow-downloads), so it hands the file to the page, which offers it to save.
   */
  | { readonly kind: 'download'; readonly name: string; readonly blob: Blob };

/** The longest file name the page shows; longer ones are cut. */
export const DOWNLOAD_NAME_MAX = 120;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isFrameMessage(data: unknown): data is FrameToPage {
  if (!isRecord(data)) return false;
  if (data['kind'] === 'stopped') return true;
  if (data['kind'] === 'download') return typeof data['name'] === 'string' && typeof Blob !== 'undefined' && data['blob'] instanceof Blob;
  if (data['kind'] === 'size') return typeof data['height'] === 'number' && Number.isFinite(data['height']);
  return data['kind'] === 'feed' && isRecord(data['event']) && typeof data['event']['type'] === 'string' && typeof data['event']['at'] === 'number';
}

const isTheme = (value: unknown): value is Theme => value === 'light' || value === 'dark';

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

export function isPageMessage(data: unknown): data is PageToFrame {
  if (!isRecord(data)) return false;
  if (data['kind'] === 'stop') return true;
  if (data['kind'] === 'theme') return isTheme(data['theme']);
  if (data['kind'] !== 'run' || !isRecord(data['files']) || typeof data['script'] !== 'string') return false;
  if (!Object.entries(data['files']).every(([name, text]) => isLabFileName(name) && typeof text === 'string')) return false;
  if (!isStringList(data['modules']) || !data['modules'].every(isLabModule)) return false;
  const watch = data['watch'];
  if (!isRecord(watch) || !isStringList(watch['values']) || !isStringList(watch['canvases'])) return false;
  if (!(LOCALES as readonly unknown[]).includes(data['locale']) || !isTheme(data['theme'])) return false;
  return data['pairing'] === null || isPairing(data['pairing']);
}

function isPairing(value: unknown): value is PairingInfo {
  if (!isRecord(value) || typeof value['room'] !== 'string' || typeof value['lab'] !== 'string' || typeof value['role'] !== 'string') return false;
  const role = parseRole(value['role']);
  const size = value['size'] ?? 2;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 2 || size > MAX_ROOM_SIZE) return false;
  return parseRoomCode(value['room']) === value['room'] && role !== null && seatOf(role) < size && /^[a-z0-9-]{1,60}$/.test(value['lab']);
}
