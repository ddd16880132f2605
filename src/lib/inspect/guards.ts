/**
 * Reading values that may belong to learner code, another realm or a hostile proxy: every
 * helper here either cannot run learner code or catches what it throws.
 */
import type { Inspected } from '../feed.ts';

/** Object.prototype.toString's tag: `MediaStream`, `Map`, `Object`… (reads Symbol.toStringTag). */
export function builtinTag(value: object): string {
  return Object.prototype.toString.call(value).slice('[object '.length, -1);
}

function getter(proto: object, key: string): ((this: unknown) => unknown) | undefined {
  return Object.getOwnPropertyDescriptor(proto, key)?.get;
}

// Intrinsic getters work across realms (they check internal slots, not prototypes), so
// they tell a real Map from an object that merely claims to be one.
export const mapSizeGetter = getter(Map.prototype, 'size');
export const setSizeGetter = getter(Set.prototype, 'size');
export const regExpSourceGetter = getter(RegExp.prototype, 'source');
export const arrayBufferLengthGetter = getter(ArrayBuffer.prototype, 'byteLength');

export function hasBrand(check: ((this: unknown) => unknown) | undefined, value: object): boolean {
  if (check === undefined) return false;
  try {
    check.call(value);
    return true;
  } catch {
    return false;
  }
}

export function guarded<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export function readString(value: object, key: string): string | undefined {
  return guarded(() => {
    const property: unknown = Reflect.get(value, key);
    return typeof property === 'string' ? property : undefined;
  }, undefined);
}

export function functionName(fn: unknown): string {
  const name: unknown = (fn as { name?: unknown }).name;
  return typeof name === 'string' ? name : '';
}

export function constructorName(value: object): string | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || typeof proto !== 'object') return undefined;
  // The descriptor, not a property read, so a getter named constructor is not run.
  const constructor: unknown = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
  const name = typeof constructor === 'function' ? guarded(() => functionName(constructor), '') : '';
  return name === '' ? undefined : name;
}

/** The class or host type name shown before an object's entries. */
export function className(value: object, tag: string): string {
  return tag === 'Object' ? (constructorName(value) ?? 'Object') : tag;
}

/** For built-ins, whose tag hides a subclass: `class Peers extends Map` shows as Peers. */
export function builtinName(value: object, tag: string): string {
  return constructorName(value) ?? tag;
}

export function numberText(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

export function truncate(s: string, max: number): Inspected {
  if (s.length <= max) return { t: 'string', v: s };
  // Do not split a surrogate pair: half an emoji (or a rare CJK ideograph) renders as �.
  const cut = max > 0 && isHighSurrogate(s.charCodeAt(max - 1)) ? max - 1 : max;
  return { t: 'string', v: s.slice(0, cut), truncated: s.length - cut };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
