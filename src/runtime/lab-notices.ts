/** The lab's notice area: what the panel itself has to say (loading, stopped, storage, failures). */
export type NoticeKind = 'warn' | 'ok';

export class Notices {
  readonly #area: HTMLElement;

  constructor(area: HTMLElement) {
    this.#area = area;
  }

  add(text: string, kind: NoticeKind = 'warn'): HTMLParagraphElement {
    const p = document.createElement('p');
    p.textContent = text;
    if (kind === 'ok') p.className = 'lab-ok';
    this.#area.append(p);
    return p;
  }

  /** A notice with one button; the notice goes when the button is used. */
  offer(text: string, label: string, action: () => void): HTMLParagraphElement {
    const p = this.add(text, 'ok');
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
    button.addEventListener('click', () => {
      p.remove();
      action();
    });
    p.append(' ', button);
    return p;
  }

  /** Clears the passing notices (loaded, stopped, copied) before a new run; warnings stay. */
  clearPassing(): void {
    this.#area.querySelectorAll('p.lab-ok').forEach((p) => p.remove());
  }
}
