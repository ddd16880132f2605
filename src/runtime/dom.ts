/** One element, with a class and text if given: the lab panel builds its parts from these. */
export function node<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className !== '') created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}
