/**
 * Baseline for `npm run bench`: a click makes a cross-origin iframe whose only script is the
 * already-compiled lab code (`?frame=` names which bare frame: bench/bare-baseline.ts), and the
 * first line it logs is shown, with none of the lab's work (transpiling, loop guard, observer,
 * nonce checks, inspection) in between.
 */
const labOrigin = `${location.protocol}//lab.${location.host}`;
addEventListener('message', (event) => {
  if (event.origin !== labOrigin) return;
  const entry = document.createElement('div');
  entry.className = 'entry';
  entry.textContent = String(event.data);
  document.querySelector('#log')?.append(entry);
});
document.querySelector('#run')?.addEventListener('click', () => {
  const frame = document.createElement('iframe');
  const file = new URLSearchParams(location.search).get('frame') ?? 'bare-frame.html';
  if (!/^bare-[a-z-]+\.html$/.test(file)) throw new Error(`no bare frame "${file}"`);
  frame.src = `${labOrigin}/${file}`;
  document.querySelector('#slot')?.replaceChildren(frame);
});
