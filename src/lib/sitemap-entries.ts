/**
 * Starlight writes the sitemap before the lab root is split off (src/build/lab-root.ts), and its
 * sitemap takes no filter; so the frame's entry, which is no page of the site, is removed after.
 */

/** The sitemap without any `<url>` whose `<loc>` path is `path` (e.g. `/lab-frame/`). */
export function withoutSitemapPath(xml: string, path: string): string {
  return xml.replace(/<url>([\s\S]*?)<\/url>/g, (entry, body: string) => {
    const loc = /<loc>([^<]*)<\/loc>/.exec(body)?.[1];
    if (!loc) return entry;
    try {
      return new URL(loc).pathname === path ? '' : entry;
    } catch {
      return entry;
    }
  });
}
