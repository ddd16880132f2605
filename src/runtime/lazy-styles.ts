/**
 * Styles of a panel that loads on interaction (the Inspector, its charts), added to the document
 * when the panel's module runs. Imported as strings (`?inline`): a plain `.css` import reachable
 * from a lab's script, dynamic `import()`s included, is hoisted by Astro into a render-blocking
 * `<link>` on every page with a lab (withastro/astro#9495; src/build/monaco-css.ts does the same
 * for the editor). scripts/page-weight.ts checks that no reading page loads them.
 */
export function addStyles(name: string, css: string): void {
  if (document.head.querySelector(`style[data-lazy-styles="${CSS.escape(name)}"]`)) return;
  const style = document.createElement('style');
  style.dataset['lazyStyles'] = name;
  style.textContent = css;
  document.head.append(style);
}
