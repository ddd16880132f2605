/**
 * The goal kinds a lab can declare, as schemas: the one list of kinds and their fields.
 * lab-schema.ts builds the lab format from it, and src/lib/goals/ must judge every kind
 * listed here (its table is typed against GoalCheck, so a kind without a judge fails the
 * type check). Build-time only: zod never reaches a page.
 */
import { z } from 'zod';

const mediaApi = z.enum(['getUserMedia', 'getDisplayMedia']);
const media = z.enum(['audio', 'video']);
const candidateType = z.enum(['host', 'srflx', 'prflx', 'relay']);
/** Elements are named as the observer names them: `video#remote`, or a CSS selector for sampled ones. */
const selector = z.string().trim().min(1);

export const goalCheck = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('video-frames'),
    /**
     * The <video> as the observer names it (`video#remote`), which also names a family of them:
     * `video#remote` matches `video#remote-guest2` too (an id, a hyphen, anything). Any video if absent.
     */
    element: z.string().min(1).optional(),
    minFrames: z.number().int().positive().default(10),
    /** How many distinct matching videos must each qualify (a mesh's remote videos); 1 if absent. */
    minElements: z.number().int().positive().optional(),
    /** The decoded frames must be at least this size (the size the code asked for). */
    minWidth: z.number().int().positive().optional(),
    minHeight: z.number().int().positive().optional(),
  }),
  z.strictObject({
    kind: z.literal('media-error-handled'),
    /** The DOMException name: NotAllowedError, NotFoundError, OverconstrainedError, … */
    name: z.string().min(1),
    api: mediaApi.optional(),
  }),
  z.strictObject({
    kind: z.literal('track-ended'),
    source: z.enum(['getUserMedia', 'getDisplayMedia', 'remote']).optional(),
    media: media.optional(),
    /** 'stop': lab code called stop(); 'ended': the browser or user ended it. The Stop button never counts. */
    cause: z.enum(['stop', 'ended']).optional(),
  }),
  z.strictObject({
    kind: z.literal('sender-track'),
    /** Where the track a sender now sends came from: a screen swapped in with replaceTrack is getDisplayMedia. */
    source: mediaApi,
    media: media.optional(),
  }),
  z.strictObject({
    kind: z.literal('element-value-moves'),
    element: selector,
    /** Distinct sampled values needed: a meter that moved, not one that was set once. */
    minChanges: z.number().int().positive().default(5),
  }),
  z.strictObject({ kind: z.literal('canvas-image'), element: selector }),
  z.strictObject({ kind: z.literal('recording-played'), minSeconds: z.number().positive() }),
  z.strictObject({ kind: z.literal('datachannel-open'), label: z.string().optional() }),
  z.strictObject({
    kind: z.literal('datachannel-message'),
    /** The exact text that must arrive; any message if absent. */
    text: z.string().optional(),
    label: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('datachannel-round-trip'),
    payload: z.enum(['text', 'binary']),
    minMessages: z.number().int().positive().default(1),
  }),
  z.strictObject({
    kind: z.literal('datachannel-config'),
    label: z.string().optional(),
    ordered: z.boolean().optional(),
    maxRetransmits: z.number().int().nonnegative().optional(),
    maxPacketLifeTime: z.number().int().nonnegative().optional(),
    negotiated: z.boolean().optional(),
    id: z.number().int().nonnegative().optional(),
  }),
  z.strictObject({ kind: z.literal('datachannel-bytes-intact'), minBytes: z.number().int().positive() }),
  z.strictObject({
    kind: z.literal('ice-candidates'),
    types: z.array(candidateType).min(1),
    side: z.enum(['local', 'remote']).default('local'),
    /**
     * Also: one connection finished gathering (its end-of-candidates) having offered no other
     * type, e.g. relay-only gathering (iceTransportPolicy 'relay') that offered no host candidate.
     */
    only: z.boolean().default(false),
  }),
  z.strictObject({ kind: z.literal('ice-selected-pair'), localType: candidateType.optional(), remoteType: candidateType.optional() }),
  z.strictObject({ kind: z.literal('ice-candidate-error'), code: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('connection-state'), state: z.enum(['connected', 'closed', 'failed']) }),
  z.strictObject({
    kind: z.literal('outbound-bitrate'),
    media,
    /** Bits per second, measured between two consecutive getStats() reports. */
    maxBps: z.number().positive(),
    /** Above zero by default, so that sending nothing does not pass a cap. */
    minBps: z.number().positive().default(1),
  }),
  z.strictObject({
    kind: z.literal('codec'),
    media,
    direction: z.enum(['outbound', 'inbound']),
    /** As getStats reports it, e.g. `video/VP9`; compared case-insensitively. */
    mimeType: z.string().regex(/^(audio|video)\/[\w.-]+$/),
  }),
  z.strictObject({ kind: z.literal('ice-restart') }),
  /** After the lab restarted the TURN server, a new ICE session connected on a relay ↔ relay pair. */
  z.strictObject({ kind: z.literal('relay-after-turn-restart') }),
]);

export const GOAL_MODES = ['eventually', 'throughout', 'at-end'] as const;

export const goalSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: z.strictObject({ en: z.string().trim().min(1), ko: z.string().trim().min(1) }),
    check: goalCheck,
    /**
     * eventually: met once it held, and stays met for the run.
     * throughout: met once it held without a break for `windowMs`.
     * at-end: met while it holds now; the run's last state decides.
     */
    mode: z.enum(GOAL_MODES).default('eventually'),
    windowMs: z.number().int().positive().optional(),
    /** Whose feed judges it: this tab's, or the partner tab's in a pairing lab. */
    of: z.enum(['self', 'partner']).default('self'),
  })
  .refine((goal) => goal.mode === 'throughout' || goal.windowMs === undefined, { message: 'windowMs applies only to mode "throughout"', path: ['windowMs'] });

export type GoalCheck = z.output<typeof goalCheck>;
export type GoalKind = GoalCheck['kind'];
export type Goal = z.output<typeof goalSchema>;
export type GoalMode = (typeof GOAL_MODES)[number];
