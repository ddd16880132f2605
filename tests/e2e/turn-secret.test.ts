/**
 * The local coturn's secret never leaves the server: not in any file of the built site or the lab
 * origin's root, not in any answer a crawl of both origins gets (bodies and headers), the
 * credential endpoint included. The secret is read from where the e2e server's coturn keeps it.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { DIST, LAB_DIST } from '../../scripts/build-state.ts';
import { DEFAULT_TURN_DIR } from '../../src/server/coturn.ts';
import { listFiles } from '../support/site-files.ts';

const baseUrl = inject('baseUrl');
const turn = inject('turn');

function get(host: string, urlPath: string): Promise<{ status: number; text: string }> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: `${JSON.stringify(res.headers)}\n${Buffer.concat(chunks).toString('latin1')}` }));
    });
    req.once('error', reject);
    req.end();
  });
}

const urlPathOf = (root: string, file: string): string => `/${path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/')}`;

describe.skipIf(!turn.running)('the TURN secret', () => {
  it('appears in no built file and in no answer of either origin', async () => {
    const secret = readFileSync(path.join(DEFAULT_TURN_DIR, 'secret'), 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const { host } = new URL(baseUrl);
    const labHost = `lab.${host}`;
    const files = [...listFiles(DIST), ...listFiles(LAB_DIST)];
    // Raw bytes: a secret inlined in a script or a source map is still text.
    const leaking = files.filter((file) => readFileSync(file).includes(secret));
    expect(leaking).toEqual([]);

    const targets: Array<[string, string]> = [
      ...listFiles(DIST).map((file): [string, string] => [host, urlPathOf(DIST, file)]),
      ...listFiles(LAB_DIST).map((file): [string, string] => [labHost, urlPathOf(LAB_DIST, file)]),
      ...[host, labHost].flatMap((each): Array<[string, string]> => [
        [each, '/turn-credentials.json'],
        [each, '/lab-config.json'],
        [each, '/no-such-page/'],
      ]),
    ];
    let credentialAnswers = 0;
    for (let i = 0; i < targets.length; i += 16) {
      const answers = await Promise.all(targets.slice(i, i + 16).map(async ([each, urlPath]) => ({ urlPath, ...(await get(each, urlPath)) })));
      for (const answer of answers) {
        expect(answer.text.includes(secret), `${answer.urlPath} (${answer.status}) carries the secret`).toBe(false);
        if (answer.urlPath === '/turn-credentials.json' && answer.status === 200) credentialAnswers++;
      }
    }
    // The endpoint was really asked, on both origins, and minted each time.
    expect(credentialAnswers).toBe(2);
  });
});
