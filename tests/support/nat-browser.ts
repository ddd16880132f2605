/**
 * Chromium inside a home namespace, and a raw RTCPeerConnection driven from the test.
 *
 * Playwright talks to Chromium over a pipe, so the browser can live in another network
 * namespace: its executable is a two-line wrapper that enters the namespace and execs
 * Debian's chromium. The two pages never share a broker: the test carries the offer and the
 * answer between them (non-trickle, each description holding every gathered candidate).
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import type { Namespace } from './nat-namespaces.ts';

export interface NsBrowser {
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/** `loopback: true` keeps the suite's loopback candidates, for a namespace with nothing but lo. */
export async function launchChromiumIn(ns: Namespace, options: { loopback?: boolean } = {}): Promise<NsBrowser> {
  const dir = mkdtempSync(path.join(tmpdir(), `nat-chromium-${ns.name}-`));
  const wrapper = path.join(dir, 'chromium');
  writeFileSync(wrapper, `#!/bin/sh\nexec nsenter --net=${ns.path} ${CHROMIUM_PATH} "$@"\n`);
  chmodSync(wrapper, 0o755);
  // The homes have a real interface, so loopback candidates would only add noise; and host
  // candidates keep their addresses (no mDNS names) so the table shows what the NAT hides.
  const args = options.loopback ? [...CHROMIUM_ARGS] : [...CHROMIUM_ARGS.filter((arg) => arg !== '--allow-loopback-in-peer-connection'), '--disable-features=WebRtcHideLocalIpsWithMdns'];
  const browser = await chromium.launch({ executablePath: wrapper, args, headless: true });
  const page = await browser.newPage();
  return {
    browser,
    page,
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CandidateInfo {
  readonly type: string;
  readonly address: string;
  readonly port: number;
}

export interface PeerOutcome {
  readonly state: string;
  /** From the description being applied to both ends to `connected`, or to giving up. */
  readonly ms: number;
  readonly gathered: readonly CandidateInfo[];
  readonly selected: { readonly local: CandidateInfo; readonly remote: CandidateInfo } | undefined;
  readonly received: readonly string[];
  /** Connectivity checks over every candidate pair: STUN binding requests sent, and answers received. */
  readonly checks: { readonly sent: number; readonly answered: number };
  /** Every candidate pair, `local → remote state answered/sent`, for the failure message. */
  readonly pairs: readonly string[];
}

interface NatWindow {
  natPeers?: Record<string, { pc: RTCPeerConnection; received: string[]; started: number }>;
}

/** Creates a connection on the page (offerer opens a data channel) and returns its complete local description. */
export function createDescription(page: Page, id: string, config: RTCConfiguration, remoteOffer?: string): Promise<string> {
  return page.evaluate(
    async ({ id, config, remoteOffer }) => {
      const win = window as NatWindow;
      const pc = new RTCPeerConnection(config);
      const entry = { pc, received: [] as string[], started: 0 };
      (win.natPeers ??= {})[id] = entry;
      const listen = (channel: RTCDataChannel): void => {
        channel.onmessage = (event) => entry.received.push(String(event.data));
        channel.onopen = () => channel.send(`hello from ${remoteOffer ? 'answerer' : 'offerer'}`);
      };
      if (remoteOffer) {
        pc.ondatachannel = (event) => listen(event.channel);
        await pc.setRemoteDescription({ type: 'offer', sdp: remoteOffer });
      } else {
        listen(pc.createDataChannel('nat'));
      }
      const gathered = new Promise<void>((resolve) => {
        pc.addEventListener('icegatheringstatechange', () => {
          if (pc.iceGatheringState === 'complete') resolve();
        });
      });
      await pc.setLocalDescription();
      if (pc.iceGatheringState !== 'complete') await Promise.race([gathered, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      entry.started = performance.now();
      return pc.localDescription?.sdp ?? '';
    },
    { id, config, remoteOffer },
  );
}

export function acceptAnswer(page: Page, id: string, answer: string): Promise<void> {
  return page.evaluate(
    async ({ id, answer }) => {
      const entry = (window as NatWindow).natPeers?.[id];
      if (!entry) throw new Error(`no connection ${id}`);
      await entry.pc.setRemoteDescription({ type: 'answer', sdp: answer });
      entry.started = performance.now();
    },
    { id, answer },
  );
}

/**
 * Waits until the connection is connected with a message received, has failed, or `timeoutMs`
 * passed; then reads the selected candidate pair from getStats.
 */
export function outcome(page: Page, id: string, timeoutMs: number): Promise<PeerOutcome> {
  return page.evaluate(
    async ({ id, timeoutMs }) => {
      const entry = (window as NatWindow).natPeers?.[id];
      if (!entry) throw new Error(`no connection ${id}`);
      const { pc, received } = entry;
      const settledState = (): boolean => (pc.connectionState === 'connected' && received.length > 0) || pc.connectionState === 'failed';
      const deadline = entry.started + timeoutMs;
      while (!settledState() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const ms = Math.round(performance.now() - entry.started);
      const stats = await pc.getStats();
      const byId = new Map<string, Record<string, unknown>>();
      stats.forEach((report: Record<string, unknown>) => byId.set(String(report['id']), report));
      const info = (report: Record<string, unknown> | undefined) =>
        report && { type: String(report['candidateType']), address: String(report['address']), port: Number(report['port']) };
      const transport = [...byId.values()].find((report) => report['type'] === 'transport');
      const pair = byId.get(String(transport?.['selectedCandidatePairId']));
      const local = info(byId.get(String(pair?.['localCandidateId'])));
      const remote = info(byId.get(String(pair?.['remoteCandidateId'])));
      const gathered = (pc.localDescription?.sdp ?? '')
        .split(/\r?\n/)
        .filter((line) => line.startsWith('a=candidate:'))
        .map((line) => {
          const fields = line.split(' ');
          return { type: fields[7] ?? '', address: fields[4] ?? '', port: Number(fields[5]) };
        });
      const checks = { sent: 0, answered: 0 };
      const pairs: string[] = [];
      for (const report of byId.values()) {
        if (report['type'] !== 'candidate-pair') continue;
        const sent = Number(report['requestsSent'] ?? 0);
        const answered = Number(report['responsesReceived'] ?? 0);
        checks.sent += sent;
        checks.answered += answered;
        const end = (candidateId: unknown): string => {
          const candidate = info(byId.get(String(candidateId)));
          return candidate ? `${candidate.type} ${candidate.address}:${candidate.port}` : '?';
        };
        pairs.push(`${end(report['localCandidateId'])} → ${end(report['remoteCandidateId'])} ${String(report['state'])} ${answered}/${sent} (requests received ${Number(report['requestsReceived'] ?? 0)})`);
      }
      return { state: pc.connectionState, ms, gathered, selected: local && remote ? { local, remote } : undefined, received: [...received], checks, pairs };
    },
    { id, timeoutMs },
  );
}

export function closePeers(page: Page): Promise<void> {
  return page.evaluate(() => {
    const win = window as NatWindow;
    for (const { pc } of Object.values(win.natPeers ?? {})) pc.close();
    win.natPeers = {};
  });
}
