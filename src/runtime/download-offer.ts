/**
 * A file the lab's code offered through a download link the learner clicked. The frame may not
 * download (its sandbox has no allow-downloads), so the page offers the file in a notice, and
 * saving it takes one more click, on the page.
 */
import { interpolate } from '../lib/interpolate.ts';
import type { Locale } from '../lib/lab-manifest.ts';
import { DOWNLOAD_NAME_MAX } from '../lib/lab-protocol.ts';
import { byteSize } from '../lib/sdp-context.ts';
import type { Strings } from './console-panel.ts';
import type { Notices } from './lab-notices.ts';
import { saveFile } from './save-file.ts';

/** Shows the offer and returns its notice (the caller removes an older one). */
export function offerDownload(notices: Notices, t: Strings, locale: Locale, name: string, blob: Blob): HTMLElement {
  const shown = name.length > DOWNLOAD_NAME_MAX ? `${name.slice(0, DOWNLOAD_NAME_MAX)}…` : name;
  const notice = notices.add(interpolate(t['lab.download'], { name: shown, size: byteSize(blob.size)[locale] }), 'ok');
  const save = Object.assign(document.createElement('button'), { type: 'button', textContent: t['lab.downloadSave'] });
  save.addEventListener('click', () => saveFile(name, blob));
  notice.append(' ', save);
  save.focus({ preventScroll: true });
  return notice;
}
