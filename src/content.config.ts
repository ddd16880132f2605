import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

/** The site's own UI strings; every key is required in both en.json and ko.json. */
const siteStrings = z.object({
  'lab.allMet': z.string(),
  'lab.clearConsole': z.string(),
  'lab.console': z.string(),
  'lab.copyLink': z.string(),
  'lab.dismissOlder': z.string(),
  'lab.done': z.string(),
  'lab.edit': z.string(),
  'lab.error.loop': z.string(),
  'lab.error.runtime': z.string(),
  'lab.error.syntax': z.string(),
  'lab.files': z.string(),
  'lab.frameFailed': z.string(),
  'lab.goalMet': z.string(),
  'lab.goalUnmet': z.string(),
  'lab.goals': z.string(),
  'lab.hint.NotAllowedError': z.string(),
  'lab.hint.NotFoundError': z.string(),
  'lab.hint.NotReadableError': z.string(),
  'lab.hint.OverconstrainedError': z.string(),
  'lab.hint.SecurityError': z.string(),
  'lab.keys': z.string(),
  'lab.label': z.string(),
  'lab.line': z.string(),
  'lab.linkCopied': z.string(),
  'lab.loading': z.string(),
  'lab.myCode': z.string(),
  'lab.needs.camera': z.string(),
  'lab.needs.microphone': z.string(),
  'lab.needs.none': z.string(),
  'lab.needs.pairing': z.string(),
  'lab.needs.screen': z.string(),
  'lab.needs.turn': z.string(),
  'lab.olderDraft': z.string(),
  'lab.output': z.string(),
  'lab.reset': z.string(),
  'lab.run': z.string(),
  'lab.shared': z.string(),
  'lab.shareBroken': z.string(),
  'lab.shareTooLarge': z.string(),
  'lab.solution': z.string(),
  'lab.starting': z.string(),
  'lab.stop': z.string(),
  'lab.stopped': z.string(),
  'lab.storageError': z.string(),
  'lab.touch': z.string(),
  'lab.useOlder': z.string(),
});

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: siteStrings }) }),
};
