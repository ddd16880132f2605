/** How feed events name an element: `video#remote`, or its place among its siblings. */
export function labelFor(element: Element): string {
  const name = element.localName;
  if (element.id !== '') return `${name}#${element.id}`;
  const parent = element.parentElement;
  if (!parent) return name;
  let index = 0;
  for (const sibling of parent.children) {
    if (sibling.localName === name) index += 1;
    if (sibling === element) break;
  }
  return `${name}:nth-of-type(${index})`;
}
