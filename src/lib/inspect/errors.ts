/** Errors, DOMExceptions and whatever a getter or proxy trap threw, as 'error' entries. */
import type { Inspected } from '../feed.ts';
import { guarded, readString } from './guards.ts';

export function describeError(error: object, maxString: number): Inspected {
  const name = readString(error, 'name') ?? 'Error';
  const message = readString(error, 'message') ?? '';
  const stack = readString(error, 'stack');
  const short = (s: string): string => (s.length > maxString ? `${s.slice(0, maxString)}…` : s);
  return stack === undefined
    ? { t: 'error', name, message: short(message) }
    : { t: 'error', name, message: short(message), stack: short(stack) };
}

export function isErrorLike(value: object): boolean {
  const error = value as { name?: unknown; message?: unknown; stack?: unknown };
  return typeof error.name === 'string' && typeof error.message === 'string' && typeof error.stack === 'string';
}

/** What a throwing getter or trap produced, as an 'error' entry; never throws itself. */
export function thrownValue(error: unknown, maxString: number): Inspected {
  if (typeof error === 'object' && error !== null) return describeError(error, maxString);
  return { t: 'error', name: 'Error', message: guarded(() => String(error), 'unknown error') };
}
