/**
 * The first step of the page–frame protocol (see lab-protocol.ts): where the lab origin and its
 * frame are, and the hello and connect the frame and the page exchange on the window before the
 * channel exists. A module apart because the reading page's loader opens frames itself, at the
 * click, and carries only this much of the protocol.
 */

/** What the server says about where labs run, answered on both origins (src/server/lab-routes.ts). */
export const LAB_CONFIG_PATH = '/lab-config.json';

/** Window messages, before the channel exists. */
export type Handshake = { readonly kind: 'hello' } | { readonly kind: 'connect' };

export function isHandshake(data: unknown, kind: Handshake['kind']): boolean {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>)['kind'] === kind;
}

/** The frame's address: the page's origin (no secret) travels in the fragment, never to a server. */
export function frameUrl(labOrigin: string, parentOrigin: string): string {
  return `${labOrigin}/lab-frame/#${new URLSearchParams({ parent: parentOrigin })}`;
}

export function parseFrameFragment(hash: string): { parent: string } | null {
  const parent = new URLSearchParams(hash.replace(/^#/, '')).get('parent');
  return parent ? { parent } : null;
}
