/**
 * The certificate `--lan` serves HTTPS with: self-signed, made on this machine by the
 * `selfsigned` library, naming the LAN addresses in subjectAltName (browsers ignore the common
 * name). It is kept on disk and reused while it is valid and names every address, so the
 * exception a phone's browser stored for it ("accept the warning") keeps working across restarts.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface LanCertificate {
  readonly key: string;
  readonly cert: string;
  /** SHA-256 fingerprint, as a browser's certificate viewer shows it (AB:CD:…). */
  readonly fingerprint: string;
  /** True when the certificate on disk was taken as it was. */
  readonly reused: boolean;
  readonly certPath: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A year: long enough not to bother a learner, short enough that a lost key does not live forever. */
const VALID_DAYS = 365;
/** Renewed this long before it expires, so a session never crosses the expiry. */
const RENEW_BEFORE_DAYS = 7;

const CERT_FILE = 'cert.pem';
const KEY_FILE = 'key.pem';

function usable(cert: string, key: string, addresses: readonly string[], now: Date, hostNames: readonly string[]): X509Certificate | null {
  try {
    const x509 = new X509Certificate(cert);
    const fresh = new Date(x509.validFrom) <= now && new Date(x509.validTo).getTime() - now.getTime() > RENEW_BEFORE_DAYS * DAY_MS;
    const namesAll = addresses.every((address) => x509.checkIP(address) !== undefined) && hostNames.every((name) => x509.checkHost(name) !== undefined);
    return fresh && namesAll && x509.checkPrivateKey(createPrivateKey(key)) ? x509 : null;
  } catch {
    return null;
  }
}

async function readIfThere(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The certificate in `dir` if it still fits `addresses` (and `hostNames`), otherwise a new one
 * written there. The local coturn's names `localhost` too: Firefox tries `turns:` only by name.
 */
export async function lanCertificate(dir: string, addresses: readonly string[], now = new Date(), hostNames: readonly string[] = []): Promise<LanCertificate> {
  const certPath = path.join(dir, CERT_FILE);
  const keyPath = path.join(dir, KEY_FILE);
  const [oldCert, oldKey] = await Promise.all([readIfThere(certPath), readIfThere(keyPath)]);
  const kept = oldCert && oldKey ? usable(oldCert, oldKey, addresses, now, hostNames) : null;
  if (kept && oldCert && oldKey) return { key: oldKey, cert: oldCert, fingerprint: kept.fingerprint256, reused: true, certPath };

  const pems = await generate([{ name: 'commonName', value: 'WebRTC Lab on this computer' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + VALID_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...addresses.map((ip) => ({ type: 7 as const, ip })), ...hostNames.map((value) => ({ type: 2 as const, value }))] },
    ],
  });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // The key first and private: a half-written pair is caught by checkPrivateKey next time.
  await writeFile(keyPath, pems.private, { mode: 0o600 });
  await writeFile(certPath, pems.cert);
  return { key: pems.private, cert: pems.cert, fingerprint: new X509Certificate(pems.cert).fingerprint256, reused: false, certPath };
}
