/**
 * Which labs and lessons the learner finished, on the site's origin. A lesson is done when
 * every lab on it met all its goals; the sidebar marks it in both locales (Sidebar.astro runs
 * `markDoneLessons` on every page, the lab controller `markLessonDone` when a lesson is finished).
 */
import { LABS_DONE_KEY, LESSONS_DONE_KEY } from '../lib/storage-keys.ts';

function readSet(key: string): Set<string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    // No storage (private mode, blocked cookies) or a mangled entry: nothing was remembered.
    return new Set();
  }
}

function add(key: string, item: string): boolean {
  const set = readSet(key);
  set.add(item);
  try {
    localStorage.setItem(key, JSON.stringify([...set]));
    return true;
  } catch {
    return false;
  }
}

/** The lesson's path without its locale, so /ko/x/ and /x/ are one lesson. */
export function lessonSlug(pathname: string = location.pathname): string {
  return pathname.replace(/^\/ko(?=\/)/, '');
}

export function markLabDone(labId: string): void {
  add(LABS_DONE_KEY, labId);
}

export function labsDone(): Set<string> {
  return readSet(LABS_DONE_KEY);
}

/** Adds " ✓" (and `doneLabel` for screen readers) to every sidebar link of a finished lesson. */
export function markDoneLessons(doneLabel: string): void {
  const lessons = readSet(LESSONS_DONE_KEY);
  if (lessons.size === 0) return;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href]')) {
    if (!lessons.has(lessonSlug(link.getAttribute('href') ?? '')) || link.dataset['done']) continue;
    link.dataset['done'] = 'true';
    const mark = document.createElement('span');
    mark.className = 'lesson-done';
    const tick = document.createElement('span');
    tick.ariaHidden = 'true';
    tick.textContent = ' ✓';
    const label = document.createElement('span');
    label.className = 'sr-only';
    label.textContent = ` ${doneLabel}`;
    mark.append(tick, label);
    link.append(mark);
  }
}

export function markLessonDone(slug: string, doneLabel: string): void {
  add(LESSONS_DONE_KEY, slug);
  markDoneLessons(doneLabel);
}
