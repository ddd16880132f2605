/**
 * What a lab folder's lab.ts declares, checked at build time so a malformed lab fails the
 * build with its folder and field named, instead of failing in a learner's browser.
 */
import { z } from 'zod';
import { goalSchema } from './goal-checks.ts';
import { LAB_ID } from './lab-manifest.ts';
import { MAX_ROOM_SIZE } from './pairing/room-code.ts';

const localized = z.strictObject({ en: z.string().trim().min(1), ko: z.string().trim().min(1) });

/** `turnRestart`: the lab restarts the site's coturn (restartTurnServer()), which only the site's own computer may do. */
export const LAB_NEEDS = ['camera', 'microphone', 'screen', 'pairing', 'turn', 'turnRestart'] as const;

/** Needs only a secure context grants: getUserMedia and getDisplayMedia exist nowhere else. */
export const CAPTURE_NEEDS: ReadonlySet<(typeof LAB_NEEDS)[number]> = new Set(['camera', 'microphone', 'screen']);

export const labSchema = z.strictObject({
  title: localized,
  /** One sentence: what the learner builds. */
  summary: localized,
  needs: z.array(z.enum(LAB_NEEDS)).default([]),
  /**
   * A pairing lab's room: how many tabs take part (2, host and guest, unless a lab asks for a
   * mesh). Every seat beyond the first runs the same partner code.
   */
  room: z.strictObject({ size: z.number().int().min(2).max(MAX_ROOM_SIZE) }).default({ size: 2 }),
  goals: z.array(goalSchema).min(1, 'a lab needs at least one goal'),
  /**
   * What a learner does in the lab's output once it runs (click Share, then Stop sharing),
   * in order. The browser tests perform them the same way; `after` waits for a goal first.
   */
  steps: z
    .array(z.strictObject({ click: z.string().trim().min(1), after: z.string().optional() }))
    .default([]),
});

export type LabInput = z.input<typeof labSchema>;
export type LabMeta = z.output<typeof labSchema>;
export type { Goal, GoalCheck } from './goal-checks.ts';
export type LabNeed = (typeof LAB_NEEDS)[number];
export type { Locale } from './lab-manifest.ts';

/** Identity with types: lab.ts files call it so editors check their fields as they type. */
export function defineLab(lab: LabInput): LabInput {
  return lab;
}

/** Validates one lab's metadata; the error names the folder and each bad field. */
export function parseLab(folder: string, value: unknown): LabMeta {
  if (!LAB_ID.test(folder)) throw new Error(`src/labs/${folder}: folder name must match ${LAB_ID} (it is the lab id)`);
  const result = labSchema.safeParse(value);
  if (result.success) {
    const ids = result.data.goals.map((g) => g.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) throw new Error(`src/labs/${folder}/lab.ts: goals: duplicate goal id "${dup}"`);
    if (result.data.room.size > 2 && !result.data.needs.includes('pairing')) {
      throw new Error(`src/labs/${folder}/lab.ts: room: a room of ${result.data.room.size} needs 'pairing' in needs`);
    }
    const unknownStep = result.data.steps.find((step) => step.after !== undefined && !ids.includes(step.after));
    if (unknownStep) throw new Error(`src/labs/${folder}/lab.ts: steps: "${unknownStep.after}" is not a goal id`);
    return result.data;
  }
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`src/labs/${folder}/lab.ts is not a valid lab:\n  ${problems.join('\n  ')}`);
}
