/** LAN mode's certificate on disk: made once, reused while it fits, made again when it does not. */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lanCertificate } from '../../src/server/lan-certificate.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lan-cert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DAY = 24 * 60 * 60 * 1000;

describe('the LAN certificate', () => {
  it('names the addresses, keeps its key private, and is reused while valid and naming every address', async () => {
    const now = new Date();
    const first = await lanCertificate(dir, ['192.168.1.20', '10.99.0.1'], now);
    expect(first.reused).toBe(false);
    const x509 = new X509Certificate(first.cert);
    expect(x509.subjectAltName).toBe('IP Address:192.168.1.20, IP Address:10.99.0.1');
    expect(x509.ca).toBe(false);
    expect(statSync(path.join(dir, 'key.pem')).mode & 0o077).toBe(0);

    const again = await lanCertificate(dir, ['10.99.0.1'], new Date(now.getTime() + 300 * DAY));
    expect(again).toMatchObject({ reused: true, fingerprint: first.fingerprint });

    // A week before it expires, a new one: a session never crosses the expiry.
    const renewed = await lanCertificate(dir, ['10.99.0.1'], new Date(now.getTime() + 360 * DAY));
    expect(renewed.reused).toBe(false);
    expect(renewed.fingerprint).not.toBe(first.fingerprint);
  });

  it('is made again for an address it does not name, or when the files on disk are not a pair', async () => {
    const base = await lanCertificate(dir, ['10.99.0.1']);
    const moved = await lanCertificate(dir, ['10.99.0.2']);
    expect(moved.reused).toBe(false);
    expect(new X509Certificate(moved.cert).checkIP('10.99.0.2')).toBe('10.99.0.2');
    writeFileSync(path.join(dir, 'key.pem'), base.key);
    expect((await lanCertificate(dir, ['10.99.0.2'])).reused).toBe(false);
  });
});
