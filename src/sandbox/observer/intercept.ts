/**
 * The means by which the observer watches lab code without changing what it sees (the rules
 * are in ../observer.ts). Every module of the observer gets one Interceptor and touches the
 * page only through it or through natives it captured itself at install time.
 */
import type { FeedEventBody, Inspected } from '../../lib/feed.ts';

export type LabWindow = Window & typeof globalThis;
export type Fn = (...args: never[]) => unknown;

/** Objects numbered per run (pc1, dc2, track3), so events can refer to them. */
export type IdKind = 'pc' | 'dc' | 'track';

export interface Interceptor {
  readonly win: LabWindow;
  /** Runs an observation; a failure loses a feed event but never reaches lab code. */
  guard(observation: () => void): void;
  report(event: FeedEventBody): void;
  inspected(value: unknown): Inspected;
  idFor(object: object, kind: IdKind): string;
  /** Listens with the native addEventListener, so our listener precedes any lab code adds later. */
  on<E extends Event>(target: EventTarget, type: string, handler: (event: E) => void, capture?: boolean): void;
  /** Observes a promise lab code will receive (see the comment on the implementation). */
  tap<T>(promise: Promise<T>, onFulfilled: (value: T) => void, onRejected?: (reason: unknown) => void): Promise<T>;
  /** Follows one of OUR promises (lab code never sees it); a rejection is swallowed. */
  follow<T>(promise: unknown, onFulfilled: (value: T) => void, onRejected?: () => void): void;
  /** Replaces a prototype method, keeping its name, length and property attributes; returns the original. */
  wrapMethod(target: object | undefined, key: string, make: (original: Fn) => Fn): Fn | undefined;
  /** Reflect.apply as it was at install time. */
  invoke(fn: Fn, self: unknown, args: readonly unknown[]): unknown;
  /** A native method or getter captured now, callable later whatever lab code replaced. */
  nativeMethod(owner: object | undefined, key: string): Fn | undefined;
  nativeGetter(owner: object | undefined, key: string): Fn | undefined;
  readonly timers: Timers;
}

export interface Timers {
  now(): number;
  after(callback: () => void, ms: number): number;
  cancel(handle: number): void;
  every(callback: () => void, ms: number): number;
  cancelEvery(handle: number): void;
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

export function createInterceptor(win: LabWindow, emit: (event: FeedEventBody) => void, inspect: (value: unknown) => Inspected): Interceptor {
  // Captured now because lab code runs later and may replace any of them; our bookkeeping
  // must not call into their replacements (or be visible to them).
  const invoke = Reflect.apply as (fn: Fn, self: unknown, args: readonly unknown[]) => unknown;
  const nativeThen = win.Promise.prototype.then as Fn;
  const nativeListen = win.EventTarget.prototype.addEventListener as Fn;
  const setTimer = win.setTimeout.bind(win);
  const clearTimer = win.clearTimeout.bind(win);
  const setRepeat = win.setInterval.bind(win);
  const clearRepeat = win.clearInterval.bind(win);
  const performance = win.performance;
  const now = performance.now.bind(performance);
  const ids = new WeakMap<object, string>();
  const counters: Record<IdKind, number> = { pc: 0, dc: 0, track: 0 };

  function guard(observation: () => void): void {
    try {
      observation();
    } catch {
      // Deliberately silent: reporting it in the frame would look like the learner's error.
    }
  }

  function descriptor(owner: object | undefined, key: string): PropertyDescriptor | undefined {
    return owner ? Object.getOwnPropertyDescriptor(owner, key) : undefined;
  }

  return {
    win,
    guard,
    report(event) {
      guard(() => emit(event));
    },
    inspected(value) {
      try {
        return inspect(value);
      } catch {
        return { t: 'elided', tag: typeof value };
      }
    },
    idFor(object, kind) {
      let id = ids.get(object);
      if (id === undefined) {
        counters[kind] += 1;
        id = `${kind}${counters[kind]}`;
        ids.set(object, id);
      }
      return id;
    },
    on<E extends Event>(target: EventTarget, type: string, handler: (event: E) => void, capture = false): void {
      // Only the browser's own events: lab code can dispatchEvent(new Event('open')) on a
      // channel that never opened, and isTrusted is the one field it cannot forge.
      // The cast only narrows the event type, which `type` already fixes.
      const listener = ((event: E) => event.isTrusted && guard(() => handler(event))) as unknown as EventListener;
      invoke(nativeListen, target, [type, listener, capture]);
    },
    /**
     * Attaching a handler to the original would mark it handled and hide an `unhandledrejection`
     * lab code would otherwise cause, so lab code gets the derived promise instead: it settles
     * with the same value or the same reason object, one microtask later, and stays unhandled
     * if they ignore it.
     */
    tap<T>(promise: Promise<T>, onFulfilled: (value: T) => void, onRejected?: (reason: unknown) => void): Promise<T> {
      return invoke(nativeThen, promise, [
        (value: T) => {
          guard(() => onFulfilled(value));
          return value;
        },
        (reason: unknown) => {
          if (onRejected) guard(() => onRejected(reason));
          throw reason;
        },
      ]) as Promise<T>;
    },
    follow<T>(promise: unknown, onFulfilled: (value: T) => void, onRejected?: () => void): void {
      if (!(promise instanceof win.Promise)) {
        if (onRejected) guard(onRejected);
        return;
      }
      invoke(nativeThen, promise, [(value: T) => guard(() => onFulfilled(value)), () => (onRejected ? guard(onRejected) : undefined)]);
    },
    wrapMethod(target, key, make) {
      const found = descriptor(target, key);
      if (!target || !found || typeof found.value !== 'function') return undefined;
      const original = found.value as Fn;
      const replacement = make(original);
      Object.defineProperty(replacement, 'name', { value: original.name });
      Object.defineProperty(replacement, 'length', { value: original.length });
      Object.defineProperty(target, key, { ...found, value: replacement });
      return original;
    },
    invoke,
    nativeMethod(owner, key) {
      const value = descriptor(owner, key)?.value as unknown;
      return typeof value === 'function' ? (value as Fn) : undefined;
    },
    nativeGetter(owner, key) {
      return descriptor(owner, key)?.get as Fn | undefined;
    },
    timers: {
      now,
      after: (callback, ms) => setTimer(() => guard(callback), ms),
      cancel: (handle) => clearTimer(handle),
      every: (callback, ms) => setRepeat(() => guard(callback), ms),
      cancelEvery: (handle) => clearRepeat(handle),
    },
  };
}

type Constructor = abstract new (...args: never[]) => object;

/**
 * A subclass standing in for a native constructor: instances pass `instanceof` for it and for
 * the native one, statics (generateCertificate, isTypeSupported) are inherited, and name and
 * length are the native's (bundlers rename classes; lab code may print or compare them).
 */
export function observedSubclass<C extends Constructor>(ctx: Interceptor, Native: C, observe: (instance: InstanceType<C>, args: readonly unknown[]) => void): C {
  // TS extends only constructors taking any[] (TS2545); this is the same function, seen so.
  const Base = Native as unknown as new (...args: unknown[]) => object;
  const Observed = class extends Base {
    constructor(...args: unknown[]) {
      super(...args);
      ctx.guard(() => observe(this as InstanceType<C>, args));
    }
  };
  Object.defineProperty(Observed, 'name', { value: Native.name });
  Object.defineProperty(Observed, 'length', { value: Native.length });
  return Observed as unknown as C;
}

/**
 * Calls `fire` at once, then at most once per `intervalMs`: a poke inside the interval fires
 * at its end, with whatever has accumulated by then.
 */
export interface Throttle {
  poke(): void;
  /** Fires now if a poke is waiting. */
  flush(): void;
  /** Fires now, waiting or not (a change that must not wait, like a state change). */
  fire(): void;
}

export function createThrottle(ctx: Interceptor, intervalMs: number, fire: () => void): Throttle {
  const { timers } = ctx;
  let lastAt = Number.NEGATIVE_INFINITY;
  let timer: number | undefined;
  const fireNow = (): void => {
    timer = undefined;
    lastAt = timers.now();
    ctx.guard(fire);
  };
  return {
    poke() {
      if (timer !== undefined) return;
      const wait = lastAt + intervalMs - timers.now();
      if (wait <= 0) fireNow();
      else timer = timers.after(fireNow, wait);
    },
    flush() {
      if (timer === undefined) return;
      timers.cancel(timer);
      fireNow();
    },
    fire() {
      if (timer !== undefined) timers.cancel(timer);
      fireNow();
    },
  };
}
