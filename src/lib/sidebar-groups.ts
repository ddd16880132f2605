/**
 * A sidebar group holding a single page would show the section's name and, under it, the page's
 * own title: two entries for one place to go. Such a group becomes one link to that page, named
 * after the group, and looks like a group heading in the sidebar (Starlight styles top-level
 * links large). Once a second page joins the folder, the group comes back by itself.
 *
 * Structural types, so this stays free of Starlight imports; Starlight's `SidebarEntry` fits.
 */
export interface SidebarLinkShape {
  type: 'link';
  label: string;
}
export interface SidebarGroupShape<Entry> {
  type: 'group';
  label: string;
  entries: Entry[];
}

export function foldSingleLinkGroups<Link extends SidebarLinkShape, Group extends SidebarGroupShape<Link | Group>>(
  entries: readonly (Link | Group)[],
): (Link | Group)[] {
  return entries.map((entry): Link | Group => {
    if (entry.type === 'link') return entry;
    const inner = foldSingleLinkGroups<Link, Group>(entry.entries);
    const [only] = inner;
    if (inner.length === 1 && only?.type === 'link') return { ...only, label: entry.label };
    return { ...entry, entries: inner };
  });
}
