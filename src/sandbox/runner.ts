/**
 * The lab frame's runner: the only code on the lab origin besides the learner's. It checks
 * who embedded it, installs the observer and the console bridge, then runs the learner's
 * TypeScript once and reports everything to the page as one feed.
 *
 * It keeps the run's nonce in this closure (and clears it from the URL) so the learner's
 * code, which shares this realm, cannot find it through location or globals.
 */
import type { ConsoleLevel, FeedEvent } from '../lib/feed.ts';
import { formatInspected, inspect } from '../lib/inspect-value.ts';
import { isPageMessage, parseFrameFragment, type FrameToPage, type LabFiles } from '../lib/lab-protocol.ts';
import { createLoopGuard, LoopGuardError } from '../lib/loop-guard.ts';
import { learnerLocation } from '../lib/stack-lines.ts';
import { prepareLabCode } from '../lib/transpile.ts';
import { createLabHelper } from './lab-helper.ts';
import { installObserver } from './observer.ts';

const ENTRY = '__labRun';
const GUARD = '__labGuard';
const LEVELS: readonly ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug', 'table'];

/** Modules lab code may import by name, loaded only when the code imports them. */
const LIBRARIES: Readonly<Record<string, () => Promise<Record<string, unknown>>>> = {
  peerjs: () => import('peerjs'),
  'webrtc-adapter': () => import('webrtc-adapter'),
};

function refuse(message: string): void {
  document.body.textContent = message;
}

interface LabConfig {
  readonly siteOrigins: readonly string[];
}

export async function startRunner(): Promise<void> {
  const fragment = parseFrameFragment(location.hash);
  const page = window.parent;
  if (!fragment || page === window) {
    refuse('This page runs WebRTC Lab code. It works only inside a lesson.');
    return;
  }
  history.replaceState(null, '', location.pathname);
  const config = (await (await fetch('/lab-config.json')).json()) as LabConfig;
  // Only the site may drive this frame (the server also sends frame-ancestors for it).
  if (!config.siteOrigins.includes(fragment.parent)) {
    refuse(`This lab frame belongs to ${config.siteOrigins[0] ?? 'WebRTC Lab'}.`);
    return;
  }
  const { nonce, parent: pageOrigin } = fragment;
  const send = (message: FrameToPage): void => page.postMessage(message, pageOrigin);
  const emit = (event: FeedEvent): void => send({ kind: 'feed', nonce, event });

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
  const guard = createLoopGuard({
    now: () => performance.now(),
    budgetMs: 1000,
    // A MessageChannel message can only be delivered when the event loop gets a turn.
    scheduleTurn: (callback) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        callback();
      };
      channel.port2.postMessage(null);
    },
  });

  const run = async (files: LabFiles): Promise<void> => {
    document.body.innerHTML = files['index.html'] ?? '';
    if (files['style.css']) document.head.append(Object.assign(document.createElement('style'), { textContent: files['style.css'] }));

    const prepared = prepareLabCode(files['main.ts'] ?? '', { entry: ENTRY, guard: GUARD });
    if (!prepared.ok) {
      emit({ type: 'error', phase: 'syntax', message: prepared.error.message, line: prepared.error.line, column: prepared.error.column });
      return;
    }
    const labHelper = createLabHelper((args) => {
      const line = callerLine();
      emit({ type: 'console', level: 'log', args: args.map((arg) => inspect(arg)), ...(line ? { line } : {}) });
    });
    const modules: Record<string, unknown> = { lab: { __esModule: true, ...labHelper } };
    const lines = prepared.script.split('\n');
    for (const [index, text] of lines.entries()) {
      for (const [, name = ''] of text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        if (name in modules) continue;
        const load = LIBRARIES[name];
        if (!load) {
          emit({ type: 'error', phase: 'runtime', message: `Cannot import "${name}": lab code can import peerjs, webrtc-adapter and lab.`, line: index + 1 });
          return;
        }
        // Namespaces are not marked __esModule; sucrase's interop needs the mark to use `default`.
        modules[name] = { __esModule: true, ...(await load()) };
      }
    }
    const require = (name: string): unknown => {
      if (!(name in modules)) throw new Error(`Cannot import "${name}"`);
      return modules[name];
    };

    Object.defineProperty(window, GUARD, { value: guard, configurable: true });
    Object.defineProperty(window, ENTRY, {
      configurable: true,
      value: (body: (req: typeof require, exports: object, module: object, g: typeof guard) => Promise<void>) => {
        const exports = {};
        body(require, exports, { exports }, guard).then(() => emit({ type: 'done' }), reportError);
      },
    });
    scriptUrl = URL.createObjectURL(new Blob([prepared.script], { type: 'text/javascript' }));
    const script = document.createElement('script');
    script.src = scriptUrl;
    document.head.append(script);
  };

  let ran = false;
  window.addEventListener('message', (event) => {
    if (event.source !== page || event.origin !== pageOrigin || !isPageMessage(event.data, nonce)) return;
    const message = event.data;
    if (message.kind === 'run' && !ran) {
      ran = true; // one run per frame: the page makes a new frame (a fresh document) for each Run
      void run(message.files).catch(reportError);
    } else if (message.kind === 'stop') {
      observer.stopAll();
      send({ kind: 'stopped', nonce });
    }
  });
  send({ kind: 'ready', nonce });
}
