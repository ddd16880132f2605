/**
 * What a lab folder's lab.ts declares, checked at build time so a malformed lab fails the
 * build with its folder and field named, instead of failing in a learner's browser.
 */
import { z } from 'zod';

const localized = z.strictObject({ en: z.string().trim().min(1), ko: z.string().trim().min(1) });

/** Named checks the runner evaluates from the lab's feed (src/lib/goals.ts). */
const goalCheck = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('video-frames'),
    /** Label prefix of the <video> element, as the observer names it (`video#remote`); any video if absent. */
    element: z.string().min(1).optional(),
    minFrames: z.number().int().positive().default(10),
  }),
  z.strictObject({ kind: z.literal('datachannel-open') }),
  z.strictObject({
    kind: z.literal('datachannel-message'),
    /** The exact text that must arrive; any message if absent. */
    text: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('connection-state'),
    state: z.enum(['connected', 'closed', 'failed']),
  }),
]);

export const LAB_NEEDS = ['camera', 'microphone', 'screen', 'pairing', 'turn'] as const;

export const labSchema = z.strictObject({
  title: localized,
  /** One sentence: what the learner builds. */
  summary: localized,
  needs: z.array(z.enum(LAB_NEEDS)).default([]),
  goals: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), title: localized, check: goalCheck }))
    .min(1, 'a lab needs at least one goal'),
});

export type LabInput = z.input<typeof labSchema>;
export type LabMeta = z.output<typeof labSchema>;
export type Goal = LabMeta['goals'][number];
export type GoalCheck = Goal['check'];
export type LabNeed = (typeof LAB_NEEDS)[number];
export type Locale = 'en' | 'ko';

/** Identity with types: lab.ts files call it so editors check their fields as they type. */
export function defineLab(lab: LabInput): LabInput {
  return lab;
}

export const LAB_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const LAB_FILES = ['main.ts', 'solution.ts', 'index.html'] as const;
export const OPTIONAL_LAB_FILES = ['style.css'] as const;

/** Validates one lab's metadata; the error names the folder and each bad field. */
export function parseLab(folder: string, value: unknown): LabMeta {
  if (!LAB_ID.test(folder)) throw new Error(`src/labs/${folder}: folder name must match ${LAB_ID} (it is the lab id)`);
  const result = labSchema.safeParse(value);
  if (result.success) {
    const ids = result.data.goals.map((g) => g.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) throw new Error(`src/labs/${folder}/lab.ts: goals: duplicate goal id "${dup}"`);
    return result.data;
  }
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`src/labs/${folder}/lab.ts is not a valid lab:\n  ${problems.join('\n  ')}`);
}
