import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import en from './content/i18n/en.json';
import type { UiKey } from './lib/ui-keys.ts';

/**
 * The site's own UI strings: every key of en.json, required in both en.json and ko.json. Typed
 * with the keys themselves, so `Astro.locals.t('lab.typo')` fails `npm run check`.
 */
const siteStrings = z.object(Object.fromEntries(Object.keys(en).map((key) => [key, z.string()])) as Record<UiKey, z.ZodString>);

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: siteStrings }) }),
};
