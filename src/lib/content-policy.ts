/**
 * The Content-Security-Policy of each origin, as data. The site's pages may be framed by the
 * site only, and frame only the lab origin. The lab frame, which runs code a learner may have
 * pasted from a stranger's link, may talk to its own origin (assets and the broker) and to
 * nothing else over HTTP, WebSocket or images; it cannot register a service worker that would
 * outlive the run, submit forms, or download without the page's help.
 *
 * What no policy can stop, and the lesson on how labs work says so: an RTCPeerConnection may
 * reach any address (CSP does not govern ICE, and a WebRTC lab must be free to connect).
 */

export type Policy = Readonly<Record<string, readonly string[]>>;

export function serializePolicy(policy: Policy): string {
  return Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

/** `ws://host` / `wss://host` for an http(s) origin: the broker's socket on that origin. */
export function socketOrigin(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
}

/**
 * Lesson pages. Scripts and styles stay unrestricted here (Starlight and Astro inline small
 * ones); what this policy removes is framing by others (clickjacking) and images from other
 * origins: Monaco renders the Markdown of a hover, so a shared file's doc comment could make
 * the page fetch an attacker's URL just by being hovered.
 */
export function sitePolicy(labOrigin: string): Policy {
  return {
    'frame-ancestors': ["'self'"],
    'frame-src': [labOrigin],
    'img-src': ["'self'", 'data:', 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
}

/**
 * The lab frame. `scriptHashes` (`'sha256-…'`): the runner, inline in the frame's document, and
 * no other inline script. `'unsafe-eval'`: the runner evaluates the prepared script (indirect
 * eval, so errors keep the learner's line numbers). `'unsafe-inline'` styles: the lab's
 * style.css goes in as a <style>, and learners write style attributes. `blob:` to connect: the
 * runner reads a download's blob: URL to hand the file to the page. `mediastream:` for
 * old-style media URLs.
 */
export function labFramePolicy(labOrigin: string, siteOrigins: readonly string[], scriptHashes: readonly string[] = []): Policy {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-eval'", ...scriptHashes],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', 'mediastream:'],
    'media-src': ["'self'", 'blob:', 'mediastream:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", socketOrigin(labOrigin), 'blob:'],
    // Workers from blob: URLs only: a service worker needs a script URL on the origin, so none
    // can be registered, and none can take over the frames of later runs.
    'worker-src': ['blob:'],
    'frame-src': ['blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': [...siteOrigins],
  };
}
