/**
 * The starter's page, handed on to the solution's test of the same lab in the lab suites: it
 * saves a page load and the editor's start-up per lab. Run gives the solution a fresh frame,
 * feed and goal board, so nothing of the starter's run is judged again. The suites keep only
 * pages of labs without partner tabs: a new partner would join a room whose previous guest the
 * broker may not have let go yet.
 */
export interface KeptPages<P> {
  put(id: string, page: P, problems: string[]): void;
  /** The page kept for `id`, once; a page kept for another lab (its solution test filtered out) is closed. */
  take(id: string): { page: P; problems: string[] } | undefined;
}

export function keptPages<P extends { close(): Promise<void> }>(): KeptPages<P> {
  let kept: { id: string; page: P; problems: string[] } | undefined;
  return {
    put(id, page, problems) {
      kept = { id, page, problems };
    },
    take(id) {
      const found = kept?.id === id ? kept : undefined;
      if (kept && !found) void kept.page.close();
      kept = undefined;
      return found;
    },
  };
}
