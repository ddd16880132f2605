/**
 * The lab frame's runner: the only code on the lab origin besides the learner's. It checks
 * who embedded it, installs the observer and the console bridge, then runs the learner's
 * code once (transpiled and loop-guarded by the page while this frame loaded) and reports
 * everything to the page as one feed.
 *
 * Its channel to the page is a MessagePort it keeps in this closure, received before any
 * learner code exists here. The learner's code shares this realm, so everything the runner
 * calls on the port was captured before that code could replace it.
 */
import type { ConsoleLevel, FeedEventBody } from '../lib/feed.ts';
import { inspect } from '../lib/inspect/capture.ts';
import { formatInspected } from '../lib/inspect/format.ts';
import { LAB_CONFIG_PATH, LAB_ENTRY, LAB_GUARD, isHandshake, isPageMessage, parseFrameFragment, type FrameToPage, type RunMessage } from '../lib/lab-protocol.ts';
import { createLoopGuard, LoopGuardError } from '../lib/loop-guard-runtime.ts';
import { learnerLocation } from '../lib/stack-lines.ts';
import { frameMessage, type FrameMessageKey, type FrameMessageParams } from '../lib/frame-messages.ts';
import { LOCALES, type Locale } from '../lib/lab-manifest.ts';
import type { IceServer } from '../lib/ice-servers.ts';
import { createLabHelper } from './lab-helper.ts';
import { createRoomJoiner } from './lab-room.ts';
import { createTurnCredentials, createTurnRestart, fetchFrameJson } from './lab-turn.ts';
import { LIBRARIES } from './modules.ts';
import { installObserver } from './observer.ts';

const LEVELS: readonly ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug', 'table'];

/** Before a run the frame does not know the learner's language: it says why in both. */
function refuse(sentences: readonly string[]): void {
  document.body.replaceChildren(...sentences.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
}

const inBoth = <K extends FrameMessageKey>(key: K, params: FrameMessageParams[K]): string[] => LOCALES.map((locale) => frameMessage(locale, key, params));

interface LabConfig {
  readonly siteOrigins: readonly string[];
  readonly iceServers: readonly IceServer[];
}

export function startRunner(): void {
  const fragment = parseFrameFragment(location.hash);
  const page = window.parent;
  if (!fragment || page === window) {
    refuse(inBoth('outsideLesson', {}));
    return;
  }
  const { parent: pageOrigin } = fragment;
  // Hello first: the page's answer can only arrive in a later task, when everything below is in
  // place, and its round trip overlaps the runner's own setup instead of following it.
  page.postMessage({ kind: 'hello' }, pageOrigin);
  // Only the site may drive this frame. The server already sends frame-ancestors for it; this
  // check is the second line, and it runs while the page prepares the run, not before it.
  const labConfig = fetch(LAB_CONFIG_PATH).then((res) => res.json() as Promise<LabConfig>);
  const embedderAllowed = labConfig
    .then((config) => {
      if (config.siteOrigins.includes(fragment.parent)) return true;
      refuse(inBoth('wrongEmbedder', { site: config.siteOrigins[0] ?? 'WebRTC Lab' }));
      return false;
    });
  // Natives as they are now, before lab code: it may replace MessagePort.prototype.postMessage
  // to catch the port passing through, or Reflect.apply itself.
  const apply = Reflect.apply;
  const postToPort = MessagePort.prototype.postMessage as (this: MessagePort, message: unknown) => void;
  const Channel = MessageChannel;
  let port: MessagePort | null = null;
  const waiting: FrameToPage[] = [];
  const send = (message: FrameToPage): void => {
    if (port) apply(postToPort, port, [message]);
    else waiting.push(message);
  };
  // The run's clock starts when the page's Run message arrives; every event carries its time on it.
  let startedAt = performance.now();
  const emit = (event: FeedEventBody): void => send({ kind: 'feed', event: { ...event, at: Math.round((performance.now() - startedAt) * 10) / 10 } });

  let scriptUrl = '';
  const callerLine = (): number | undefined => learnerLocation(new Error().stack, scriptUrl)?.line;

  for (const level of LEVELS) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      original(...args);
      const line = callerLine();
      emit({ type: 'console', level, args: args.map((arg) => inspect(arg)), ...(line ? { line } : {}) });
    };
  }

  const reportError = (error: unknown): void => {
    if (error instanceof LoopGuardError) {
      emit({ type: 'error', phase: 'loop', message: error.message, line: error.line });
      return;
    }
    const err = error instanceof Error ? error : null;
    const at = learnerLocation(err?.stack, scriptUrl);
    emit({
      type: 'error',
      phase: 'runtime',
      message: err ? `${err.name}: ${err.message}` : `Uncaught ${formatInspected(inspect(error))}`,
      ...(at ? { line: at.line, column: at.column } : {}),
    });
  };
  window.addEventListener('error', (event) => reportError(event.error ?? new Error(event.message)));
  window.addEventListener('unhandledrejection', (event) => reportError(event.reason));

  const observer = installObserver(window, emit, (value) => inspect(value));
  offerDownloads(send);
  let locale: Locale = 'en';
  const guard = createLoopGuard({
    now: () => performance.now(),
    budgetMs: 1000,
    message: (line, seconds) => frameMessage(locale, 'loopGuard', { line, seconds }),
    // A MessageChannel message can only be delivered when the event loop gets a turn.
    scheduleTurn: (callback) => {
      const channel = new Channel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        callback();
      };
      apply(postToPort, channel.port2, [null]);
    },
  });

  const run = async ({ files, script, modules: imports, watch, pairing }: RunMessage): Promise<void> => {
    document.body.innerHTML = files['index.html'] ?? '';
    if (files['style.css']) document.head.append(Object.assign(document.createElement('style'), { textContent: files['style.css'] }));
    observer.watch(watch);
    reportSize();

    const room = createRoomJoiner(
      pairing,
      () => labConfig.then((config) => config.iceServers ?? []),
      { notPaired: () => frameMessage(locale, 'notPaired', {}), roomFull: (code, role) => frameMessage(locale, 'roomFull', { room: code, role }) },
    );
    const labHelper = createLabHelper((args) => {
      const line = callerLine();
      emit({ type: 'console', level: 'log', args: args.map((arg) => inspect(arg)), ...(line ? { line } : {}) });
    }, room, createTurnCredentials(
      {
        unavailable: (reason) => frameMessage(locale, 'turnUnavailable', { reason }),
        limited: () => frameMessage(locale, 'turnLimited', {}),
        badTransports: () => frameMessage(locale, 'turnTransports', {}),
        malformed: () => frameMessage(locale, 'turnMalformed', {}),
      },
      fetchFrameJson,
    ), createTurnRestart(
      {
        unavailable: (reason) => frameMessage(locale, 'turnUnavailable', { reason }),
        notLocal: () => frameMessage(locale, 'turnRestartNotLocal', {}),
        tooSoon: () => frameMessage(locale, 'turnRestartTooSoon', {}),
        failed: () => frameMessage(locale, 'turnRestartFailed', {}),
      },
      fetchFrameJson,
      (ms) => emit({ type: 'turn-restarted', ms }),
    ));
    const modules: Record<string, unknown> = { lab: { __esModule: true, ...labHelper } };
    // The page found the imports in the parse and checked them against the manifest.
    for (const name of imports) {
      // Namespaces are not marked __esModule; sucrase's interop needs the mark to use `default`.
      if (name !== 'lab') modules[name] = { __esModule: true, ...(await LIBRARIES[name]()) };
    }
    const require = (name: string): unknown => {
      if (!(name in modules)) throw new Error(`Cannot import "${name}"`);
      return modules[name];
    };

    Object.defineProperty(window, LAB_GUARD, { value: guard, configurable: true });
    Object.defineProperty(window, LAB_ENTRY, {
      configurable: true,
      value: (body: (req: typeof require, exports: object, module: object, g: typeof guard) => Promise<void>) => {
        const exports = {};
        body(require, exports, { exports }, guard).then(() => emit({ type: 'done' }), reportError);
      },
    });
    // Global (indirect) eval runs the script now, in this task, where a <script src=blob:>
    // would wait for a fetch and another task. The sourceURL names it in stacks, which is how
    // errors and console calls find the learner's lines (line N of the script is line N of main.ts).
    // getRandomValues, not randomUUID: a LAN site on plain http is no secure context.
    scriptUrl = `lab-main-${Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('')}.js`;
    try {
      (0, eval)(`${script}\n//# sourceURL=${scriptUrl}`);
    } catch (error) {
      reportError(error);
    }
  };

  let ran = false;
  const receive = (data: unknown): void => {
    if (!isPageMessage(data)) return;
    if (data.kind === 'run' && !ran) {
      ran = true; // one run per frame: the page makes a new frame (a fresh document) for each Run
      startedAt = performance.now();
      document.documentElement.dataset['theme'] = data.theme;
      document.documentElement.lang = data.locale;
      locale = data.locale;
      void embedderAllowed.then((allowed) => (allowed ? run(data) : undefined)).catch(reportError);
    } else if (data.kind === 'theme') {
      document.documentElement.dataset['theme'] = data.theme;
    } else if (data.kind === 'stop') {
      observer.stopAll();
      emit({ type: 'stopped' });
      send({ kind: 'stopped' });
    }
  };
  // The page's one answer to our hello: the channel. Taken once, from the page only.
  const onConnect = (event: MessageEvent): void => {
    const given = event.ports[0];
    if (port || !given || event.source !== page || event.origin !== pageOrigin || !isHandshake(event.data, 'connect')) return;
    window.removeEventListener('message', onConnect);
    port = given;
    port.onmessage = (message) => receive(message.data);
    for (const message of waiting.splice(0)) send(message);
  };
  window.addEventListener('message', onConnect);

  // The page sizes the output to the content (within its limits); tell it when that changes.
  let sizeQueued = false;
  const reportSize = (): void => {
    if (sizeQueued) return;
    sizeQueued = true;
    // A timer, not requestAnimationFrame: frames scrolled out of view get no animation frames.
    setTimeout(() => {
      sizeQueued = false;
      // The body's own extent, not the document's scrollHeight, which never drops below the
      // frame's current height: the output may shrink to a small lab's content too.
      const body = document.body;
      const bottom = body.getBoundingClientRect().bottom + window.scrollY + parseFloat(getComputedStyle(body).marginBottom || '0');
      send({ kind: 'size', height: Math.ceil(bottom) });
    }, 50);
  };
  new ResizeObserver(reportSize).observe(document.body);
}

/**
 * A learner's click on an `<a download>` with a blob: or data: address: instead of the download
 * the sandbox refuses, the file goes to the page, which offers to save it. Only real clicks
 * count (isTrusted): lab code calling a.click() gets nothing. Installed before lab code, so
 * this listener runs first; the capture phase on the document sees clicks on any link.
 */
function offerDownloads(send: (message: FrameToPage) => void): void {
  const read = fetch;
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[download]') : null;
      if (!event.isTrusted || !(link instanceof HTMLAnchorElement) || !/^(blob|data):/.test(link.href)) return;
      event.preventDefault();
      const name = link.download.trim() || 'download';
      void read(link.href)
        .then((res) => res.blob())
        .then((blob) => send({ kind: 'download', name, blob }))
        .catch(() => undefined);
    },
    true,
  );
}
