/**
 * The ICE servers a site offers its labs (`ICE_SERVERS`, JSON, e.g. your own coturn:
 * `[{"urls":"turn:turn.example.org:3478","username":"…","credential":"…"}]`). None by default:
 * two tabs, or a laptop and a phone on one network, connect with host candidates, and this
 * site never falls back to a public STUN or TURN server.
 */
export interface IceServer {
  readonly urls: string | readonly string[];
  readonly username?: string;
  readonly credential?: string;
}

const ICE_URL = /^(stun|stuns|turn|turns):[^\s]+$/;

/** The servers in `text`, or an error saying what is wrong; an empty or missing text is none. */
export function parseIceServers(text: string | undefined): { ok: true; servers: IceServer[] } | { ok: false; error: string } {
  if (text === undefined || text.trim() === '') return { ok: true, servers: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'ICE_SERVERS is not JSON' };
  }
  if (!Array.isArray(value)) return { ok: false, error: 'ICE_SERVERS must be a JSON array of RTCIceServer objects' };
  const servers: IceServer[] = [];
  for (const [index, entry] of value.entries()) {
    if (typeof entry !== 'object' || entry === null) return { ok: false, error: `ICE_SERVERS[${index}] is not an object` };
    const { urls, username, credential } = entry as Record<string, unknown>;
    const list = typeof urls === 'string' ? [urls] : Array.isArray(urls) ? urls : null;
    if (!list || list.length === 0 || !list.every((url) => typeof url === 'string' && ICE_URL.test(url))) {
      return { ok: false, error: `ICE_SERVERS[${index}].urls must be stun:, stuns:, turn: or turns: URLs` };
    }
    if ((username !== undefined && typeof username !== 'string') || (credential !== undefined && typeof credential !== 'string')) {
      return { ok: false, error: `ICE_SERVERS[${index}]: username and credential must be strings` };
    }
    const turn = list.some((url) => (url as string).startsWith('turn'));
    if (turn && (username === undefined || credential === undefined)) return { ok: false, error: `ICE_SERVERS[${index}]: a TURN server needs a username and a credential` };
    servers.push({ urls: urls as string | string[], ...(username !== undefined ? { username } : {}), ...(credential !== undefined ? { credential } : {}) });
  }
  return { ok: true, servers };
}
