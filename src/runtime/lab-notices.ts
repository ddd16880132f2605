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

  /** Clears the passing notices (loaded, stopped, copied) before a new run; warnings stay. */
  clearPassing(): void {
    this.#area.querySelectorAll('p.lab-ok').forEach((p) => p.remove());
  }
}
