/**
 * The two NAT behaviours of the simulation, as nftables rulesets for a router namespace whose
 * interfaces are `lan` (the home) and `wan` (the public side).
 *
 * - endpoint-independent: `masquerade` keeps a flow's source port when it is free, so a home
 *   socket gets the same public address and port whatever it talks to (the mapping a STUN
 *   server reports is the one a peer can reach). Inbound, conntrack lets in only replies to
 *   what went out (address- and port-dependent filtering), which ICE punches through by
 *   sending from both sides.
 * - symmetric: `masquerade random` gives every new destination its own random port, so the
 *   mapping STUN reported is useless to anyone but the STUN server.
 *
 * Both drop unsolicited packets addressed to the router itself, as a home router does. That
 * matters beyond realism: a check that arrives before this side has sent would otherwise be
 * accepted into conntrack (answered with port-unreachable), and its entry would collide with
 * the mapping this side makes a moment later, forcing a new port even on the "cone" NAT.
 */
export type NatKind = 'endpoint-independent' | 'symmetric';

export function natRuleset(kind: NatKind): string {
  return `flush ruleset
table ip nat {
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "wan" masquerade${kind === 'symmetric' ? ' random' : ''}
  }
}
table ip filter {
  chain input {
    type filter hook input priority filter; policy drop;
    iifname { "lo", "lan" } accept
    ct state established,related accept
  }
  chain forward {
    type filter hook forward priority filter; policy drop;
    iifname "lan" oifname "wan" accept
    ct state established,related accept
  }
}
`;
}
