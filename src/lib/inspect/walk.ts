/**
 * The contract between the value walk (capture.ts) and the describers of particular kinds of
 * object (builtins.ts, webrtc.ts). Describers go one level down only through a Walk, so the
 * cycle check, the depth limit and the node budget hold for every kind of object.
 */
import type { Inspected } from '../feed.ts';

export type Entries = Array<readonly [string, Inspected]>;

export interface Walk {
  /** Levels of nesting shown below the top value. */
  readonly depth: number;
  /** Items shown per array, object, map or set. */
  readonly maxEntries: number;
  /** Characters kept per string. */
  readonly maxString: number;
  /** True once the call's node budget is spent: describers stop adding entries. */
  exhausted(): boolean;
  /** Counts a node a describer built itself, without `at`. */
  count(): void;
  /** Inspects `value` as a value found at `level`. */
  at(value: unknown, level: number): Inspected;
  /** Reads `object[key]` (a throwing getter becomes an 'error' entry) and inspects it at level + 1. */
  read(object: object, key: PropertyKey, level: number): Inspected;
  /** Runs `build`; a throw (learner getters, proxies) becomes an 'error' entry. */
  guard(build: () => Inspected): Inspected;
}
