/** A GET to a loopback server with the Host header a browser would send for the origin it names. */
import { request, type IncomingHttpHeaders } from 'node:http';

export interface HostGet {
  readonly port: number;
  readonly host: string;
  readonly path: string;
  readonly localAddress?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export function getWithHost({ port, host, path, localAddress, headers = {} }: HostGet): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, ...(localAddress ? { localAddress } : {}), headers: { ...headers, host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}
