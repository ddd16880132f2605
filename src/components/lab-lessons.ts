/**
 * Which lesson embeds each lab, in one locale: for the pages that list labs (the verified-labs
 * table, the learner's own work). Server-side only.
 */
import { getCollection } from 'astro:content';
import type { Locale } from '../lib/lab-manifest.ts';

export interface LessonLink {
  readonly href: string;
  readonly title: string;
}

export async function lessonsOfLabs(locale: Locale): Promise<(labId: string) => LessonLink | null> {
  const docs = await getCollection('docs');
  const inLocale = docs.filter((entry) => (locale === 'ko') === entry.id.startsWith('ko/'));
  return (labId) => {
    const entry = inLocale.find((doc) => doc.body?.includes(`<Lab id="${labId}"`));
    if (!entry) return null;
    const slug = entry.id.replace(/(^|\/)index$/, '');
    return { href: `/${slug}/`.replace(/\/+/g, '/'), title: entry.data.title };
  };
}
