/**
 * A session description in the Inspector, line by line with each line's meaning: the markup
 * and styles of the lessons' SdpExplainer component, built on the client from the same
 * explanations (src/lib/sdp-explain.ts), so a learner reads a live offer as they read the
 * lesson's examples.
 */
import type { Locale } from '../lib/lab-manifest.ts';
import { explainSdp, lineParts } from '../lib/sdp-explain.ts';
import explainerCss from '../components/sdp-explainer.css?inline';
import { node } from './dom.ts';
import { addStyles } from './lazy-styles.ts';

addStyles('sdp-explainer', explainerCss);

let described = 0;

export function explainedSdp(sdp: string, locale: Locale, label: string): HTMLElement {
  const prefix = `inspector-sdp-${(described += 1)}`;
  const figure = node('figure', 'sdp-explainer not-content');
  const list = node('ol', 'sdp-lines');
  list.setAttribute('role', 'list');
  list.setAttribute('aria-label', label);
  list.translate = false;
  explainSdp(sdp).forEach((entry, i) => {
    const [head, rest] = lineParts(entry);
    const text = entry.explanation?.[locale];
    const item = node('li', 'sdp-line');
    item.dataset['kind'] = entry.kind;
    item.classList.toggle('sdp-section-start', entry.kind === 'm=');
    item.classList.toggle('sdp-unknown', !text);
    const code = node('code');
    code.append(node('span', 'sdp-head', head), rest);
    item.append(code);
    if (text) {
      const why = node('span', 'sdp-why', text);
      why.id = `${prefix}-${i}`;
      why.translate = true;
      code.tabIndex = 0;
      code.setAttribute('aria-describedby', why.id);
      item.append(why);
    }
    list.append(item);
  });
  figure.append(list);
  return figure;
}
