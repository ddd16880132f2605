import { describe, expect, it } from 'vitest';
import { addressPrefix } from '../../src/lib/address-prefix.ts';

describe('addressPrefix', () => {
  it.each([
    ['127.0.0.1', '127.0.0.0/24'],
    ['203.0.113.77', '203.0.113.0/24'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:0db8:0001:0002::ffff', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s is in %s', (address, prefix) => {
    expect(addressPrefix(address)).toBe(prefix);
  });
});
