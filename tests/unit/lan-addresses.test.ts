import { describe, expect, it } from 'vitest';
import { lanAddresses } from '../../src/lib/lan-addresses.ts';

const laptop = {
  lo: [
    { address: '127.0.0.1', family: 'IPv4', internal: true },
    { address: '::1', family: 'IPv6', internal: true },
  ],
  wlan0: [
    { address: '192.168.1.20', family: 'IPv4', internal: false },
    { address: 'fe80::1', family: 'IPv6', internal: false },
  ],
  eth0: [{ address: '169.254.10.2', family: 'IPv4', internal: false }],
  docker0: [{ address: '172.17.0.1', family: 4, internal: false }],
  vpn: [{ address: '192.168.1.20', family: 'IPv4', internal: false }],
};

describe('LAN addresses', () => {
  it('are the non-internal IPv4 addresses, without link-local ones or repeats', () => {
    expect(lanAddresses(laptop)).toEqual(['192.168.1.20', '172.17.0.1']);
  });

  it('are none on a machine with loopback only', () => {
    expect(lanAddresses({ lo: laptop.lo })).toEqual([]);
  });

  it('come from LAN_HOST when it is set, and only valid IPv4 addresses are taken there', () => {
    expect(lanAddresses(laptop, ' 10.99.0.1 , 10.99.0.1,192.168.0.9')).toEqual(['10.99.0.1', '192.168.0.9']);
    expect(lanAddresses(laptop, '  ')).toEqual(['192.168.1.20', '172.17.0.1']);
    expect(() => lanAddresses(laptop, 'my-laptop.local')).toThrow(/LAN_HOST/);
    expect(() => lanAddresses(laptop, '10.0.0.256')).toThrow(/LAN_HOST/);
  });
});
