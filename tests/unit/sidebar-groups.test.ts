import { describe, expect, it } from 'vitest';
import { foldSingleLinkGroups } from '../../src/lib/sidebar-groups.ts';

interface Link {
  type: 'link';
  label: string;
  href: string;
  isCurrent: boolean;
}
interface Group {
  type: 'group';
  label: string;
  collapsed: boolean;
  entries: (Link | Group)[];
}

const link = (label: string, href: string, isCurrent = false): Link => ({ type: 'link', label, href, isCurrent });
const group = (label: string, entries: (Link | Group)[]): Group => ({ type: 'group', label, collapsed: false, entries });

describe('foldSingleLinkGroups', () => {
  it('turns a group with one page into one link named after the group', () => {
    const folded = foldSingleLinkGroups<Link, Group>([group('Media', [link('Media in the browser', '/media/overview/', true)])]);
    expect(folded).toEqual([link('Media', '/media/overview/', true)]);
  });

  it('leaves groups of several pages, and top-level links, as they are', () => {
    const entries = [link('Home', '/'), group('Start here', [link('Before you start', '/start/a/'), link('How labs work', '/start/b/')])];
    expect(foldSingleLinkGroups<Link, Group>(entries)).toEqual(entries);
  });

  it('folds nested groups from the inside out, and keeps a group whose one entry is a group of several', () => {
    const inner = group('Deep', [link('Only', '/deep/')]);
    const several = group('Pair', [link('One', '/1/'), link('Two', '/2/')]);
    expect(foldSingleLinkGroups<Link, Group>([group('Outer', [inner])])).toEqual([link('Outer', '/deep/')]);
    expect(foldSingleLinkGroups<Link, Group>([group('Outer', [several])])).toEqual([group('Outer', [several])]);
  });

  it('keeps an empty group (nothing to link to)', () => {
    expect(foldSingleLinkGroups<Link, Group>([group('Soon', [])])).toEqual([group('Soon', [])]);
  });

  it('does not change its input', () => {
    const entries = [group('Media', [link('Media in the browser', '/media/overview/')])];
    const copy = structuredClone(entries);
    foldSingleLinkGroups<Link, Group>(entries);
    expect(entries).toEqual(copy);
  });
});
