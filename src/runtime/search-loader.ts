/**
 * Pagefind's UI, loaded once on the first sign that the learner wants to search: the search
 * button hovered, focused or touched, or search opened (a click, Ctrl+K). Starlight loads it on
 * idle on every page; most reading visits never search.
 */
import type { PagefindUIOptions } from '@pagefind/default-ui';

const APPROACH_EVENTS = ['pointerenter', 'focus', 'touchstart'] as const;

export function loadSearchOnApproach(button: HTMLElement, translationsJson: string | undefined): () => Promise<void> {
  let loading: Promise<void> | null = null;
  const load = (): Promise<void> => {
    loading ??= (async () => {
      // `astro dev` builds no index: Starlight's dialog shows its own notice instead.
      if (import.meta.env.DEV) return;
      const { PagefindUI } = await import('@pagefind/default-ui');
      const base = import.meta.env.BASE_URL;
      const options: PagefindUIOptions = {
        element: '#starlight__search',
        baseUrl: base,
        bundlePath: `${base.replace(/\/$/, '')}/pagefind/`,
        showImages: false,
        showSubResults: true,
        translations: parseTranslations(translationsJson),
      };
      new PagefindUI(options);
    })().catch((error: unknown) => {
      // Offline or a new deployment: the next approach tries again.
      loading = null;
      throw error;
    });
    return loading;
  };
  const onApproach = (): void => void load().catch(() => undefined);
  for (const type of APPROACH_EVENTS) button.addEventListener(type, onApproach, { once: true, passive: true });
  return load;
}

function parseTranslations(json: string | undefined): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}
