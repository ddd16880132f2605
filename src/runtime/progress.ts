/**
 * Which labs and lessons the learner finished, on the site's origin. A lesson is done when
 * every lab on it met all its goals; the sidebar marks it in both locales.
 */
/** Also read by lab-loader.ts on reading pages, before this module loads. */
export const LABS_DONE_KEY = 'webrtc-lab:labs-done';
const LESSONS = 'webrtc-lab:lessons-done';

function readSet(key: string): Set<string> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  } catch {
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

export function markLessonDone(slug: string, doneLabel: string): void {
  add(LESSONS, slug);
  // The sidebar script marked links on load; mark this one now as well.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href]')) {
    if (lessonSlug(link.getAttribute('href') ?? '') !== slug || link.dataset['done']) continue;
    link.dataset['done'] = 'true';
    const mark = document.createElement('span');
    mark.className = 'lesson-done';
    mark.innerHTML = '<span aria-hidden="true"> ✓</span><span class="sr-only"></span>';
    mark.lastElementChild!.textContent = ` ${doneLabel}`;
    link.append(mark);
  }
}
