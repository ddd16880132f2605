/**
 * A fixed number of the newest items: pushing into a full ring forgets the oldest and counts
 * it. The lab keeps each run's feed in one, so a run that never stops cannot grow the page's
 * memory without bound, while what just happened (what a learner looks at) is always there.
 */
export interface Ring<T> {
  readonly capacity: number;
  /** Items held now (at most `capacity`). */
  readonly size: number;
  /** Items pushed out by newer ones since the ring was made or last cleared. */
  readonly dropped: number;
  push(item: T): void;
  /** The items held, oldest first. */
  toArray(): T[];
  clear(): void;
}

export function createRing<T>(capacity: number): Ring<T> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`a ring needs a whole capacity of at least 1, got ${capacity}`);
  // Grows to `capacity` as items arrive, then is reused in place: a short run costs a short array.
  let items: T[] = [];
  /** Index of the oldest item once the ring is full. */
  let head = 0;
  let dropped = 0;

  return {
    capacity,
    get size() {
      return items.length;
    },
    get dropped() {
      return dropped;
    },
    push(item) {
      if (items.length < capacity) {
        items.push(item);
        return;
      }
      items[head] = item;
      head = (head + 1) % capacity;
      dropped++;
    },
    toArray() {
      return head === 0 ? items.slice() : [...items.slice(head), ...items.slice(0, head)];
    },
    clear() {
      items = [];
      head = 0;
      dropped = 0;
    },
  };
}
