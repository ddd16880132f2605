/**
 * What the server says about where labs run (/lab-config.json, answered for this page's own
 * origin), fetched once a page and shared by the controller and the pair panel.
 */
import { LAB_CONFIG_PATH } from '../lib/frame-handshake.ts';

export interface PageLabConfig {
  readonly labOrigin: string;
  /** LAN mode: the HTTPS site origin a phone opens; null otherwise. */
  readonly lanOrigin: string | null;
}

let config: Promise<PageLabConfig> | null = null;

export function labConfig(): Promise<PageLabConfig> {
  config ??= fetch(LAB_CONFIG_PATH)
    .then((res) => (res.ok ? (res.json() as Promise<Partial<PageLabConfig>>) : Promise.reject(new Error(`HTTP ${res.status}`))))
    .then((body) => {
      if (typeof body.labOrigin !== 'string') throw new Error('lab-config.json has no labOrigin');
      return { labOrigin: body.labOrigin, lanOrigin: typeof body.lanOrigin === 'string' ? body.lanOrigin : null };
    });
  // A failed fetch is not kept: the next Run asks again (the server may have been restarted).
  config.catch(() => (config = null));
  return config;
}
