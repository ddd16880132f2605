/**
 * The Inspector's export: the feed events it shows, with what they came from, as one JSON file
 * a learner can send a colleague, who reads it back into an Inspector (dump-schema.ts checks it).
 * The events are the feed's own shape, so a dump replays through the same model as a live run.
 */
import type { FeedEvent } from '../feed.ts';

export const DUMP_FORMAT = 'webrtc-lab-inspector';
export const DUMP_VERSION = 1;

export interface InspectorDump {
  readonly format: typeof DUMP_FORMAT;
  readonly version: typeof DUMP_VERSION;
  /** The lab's id. */
  readonly lab: string;
  /** ISO 8601, UTC. */
  readonly exportedAt: string;
  /** The browser that ran the lab: stats differ between browsers, so a reader needs to know. */
  readonly userAgent: string;
  readonly events: readonly FeedEvent[];
}

export function makeDump(lab: string, events: readonly FeedEvent[], now: Date, userAgent: string): InspectorDump {
  return { format: DUMP_FORMAT, version: DUMP_VERSION, lab, exportedAt: now.toISOString(), userAgent, events };
}

/** `webrtc-lab-one-page-call-2026-12-01T12-30-05Z.json`: sorts by time, and is a valid file name everywhere. */
export function dumpFileName(dump: Pick<InspectorDump, 'lab' | 'exportedAt'>): string {
  const stamp = dump.exportedAt.replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  const lab = dump.lab.replace(/[^a-z0-9-]/gi, '_');
  return `webrtc-lab-${lab}-${stamp}.json`;
}
