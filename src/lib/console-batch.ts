/**
 * What the console panel has yet to put on screen, gathered between two paints. The panel
 * paints once per animation frame, so a thousand lines arriving in one frame cost one layout,
 * not a thousand; and since the panel keeps only its newest `max` entries, a batch never
 * holds more than that many new ones either (older ones would be removed as soon as they were
 * shown). A paint may take only the oldest few changes and leave the rest for the next frame,
 * so no single frame lays out hundreds of lines.
 *
 * Lines the page dropped (src/lib/feed-gate.ts) show as one note where they would have been,
 * counting up while the drops go on: "N messages dropped".
 */
import type { ConsoleChange, ConsoleEntry } from './console-entries.ts';

/** One change to the screen, oldest first. */
export type ConsoleOp =
  /** A new entry at the end. */
  | { readonly op: 'append'; readonly entry: ConsoleEntry }
  /** The entry last shown becomes this one (an uncaught media error folded into its report). */
  | { readonly op: 'replace-last'; readonly entry: ConsoleEntry }
  /** A new note at the end: `count` messages dropped. */
  | { readonly op: 'dropped'; readonly count: number }
  /** The note last shown, still the last thing on screen, now counts `count`. */
  | { readonly op: 'dropped-more'; readonly count: number };

export interface ConsoleBatch {
  /** The entry a new event may fold into (see consoleChange); none once a drop came after it. */
  readonly last: ConsoleEntry | undefined;
  readonly pending: boolean;
  add(change: ConsoleChange): void;
  /** One message dropped where the next entry would go. */
  drop(): void;
  /** The oldest `limit` changes (all by default), to make now; the batch counts them as shown. */
  take(limit?: number): ConsoleOp[];
  clear(): void;
}

const addsElement = (op: ConsoleOp): boolean => op.op === 'append' || op.op === 'dropped';

export function createConsoleBatch(max: number): ConsoleBatch {
  let ops: ConsoleOp[] = [];
  let last: ConsoleEntry | undefined;
  /** The drop note that would take the next drop: none, one in this batch, or the one on screen. */
  let note: 'none' | 'pending' | 'shown' = 'none';
  let shownCount = 0;

  return {
    get last() {
      return last;
    },
    get pending() {
      return ops.length > 0;
    },
    add(change) {
      note = 'none';
      last = change.entry;
      const tail = ops.at(-1);
      if (change.op === 'replace-last' && (tail?.op === 'append' || tail?.op === 'replace-last')) {
        ops[ops.length - 1] = { op: tail.op, entry: change.entry };
      } else {
        ops.push({ op: change.op, entry: change.entry });
      }
    },
    drop() {
      // Nothing folds across a note: an error after it is its own entry, below the note.
      last = undefined;
      const tail = ops.at(-1);
      if (note === 'pending' && tail?.op === 'dropped') {
        ops[ops.length - 1] = { op: 'dropped', count: tail.count + 1 };
      } else if (note === 'shown') {
        shownCount++;
        if (tail?.op === 'dropped-more') ops[ops.length - 1] = { op: 'dropped-more', count: shownCount };
        else ops.push({ op: 'dropped-more', count: shownCount });
      } else {
        ops.push({ op: 'dropped', count: 1 });
        note = 'pending';
      }
    },
    take(limit = Infinity) {
      let surplus = ops.filter(addsElement).length - max;
      if (surplus > 0) ops = ops.filter((op) => !(addsElement(op) && surplus-- > 0));
      const taken = ops.slice(0, limit);
      ops = ops.slice(taken.length);
      // A pending note is always the last change, so it is shown once nothing is left.
      const tail = taken.at(-1);
      if (note === 'pending' && ops.length === 0 && tail?.op === 'dropped') {
        note = 'shown';
        shownCount = tail.count;
      }
      return taken;
    },
    clear() {
      ops = [];
      last = undefined;
      note = 'none';
      shownCount = 0;
    },
  };
}
