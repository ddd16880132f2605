/** JavaScript's own objects: arrays, maps, sets, bytes, dates, regular expressions, promises. */
import type { Inspected } from '../feed.ts';
import { arrayBufferLengthGetter, builtinName, hasBrand, mapSizeGetter, regExpSourceGetter, setSizeGetter } from './guards.ts';
import type { Walk } from './walk.ts';

/** Bytes shown in an ArrayBuffer's or typed array's hex preview. */
const HEX_PREVIEW_BYTES = 16;

export interface MapLike {
  forEach(callback: (value: unknown, key: unknown) => void): void;
}

/** The description of a built-in object, or undefined when `value` is none (or only claims to be). */
export function describeBuiltin(value: object, tag: string, level: number, walk: Walk): Inspected | undefined {
  const child = (v: unknown): Inspected => walk.at(v, level + 1);
  if (Array.isArray(value)) return describeArray(value, child, walk);
  switch (tag) {
    case 'Map':
      if (!hasBrand(mapSizeGetter, value)) return undefined;
      return describeMapLike(builtinName(value, tag), { forEach: (cb) => Map.prototype.forEach.call(value, cb) }, child, walk.maxEntries);
    case 'Set':
      return hasBrand(setSizeGetter, value) ? describeSet(builtinName(value, tag), value, child, walk.maxEntries) : undefined;
    case 'Date':
      return hasBrand(Date.prototype.getTime, value) ? valueObject('Date', dateText(value as Date)) : undefined;
    case 'RegExp':
      return hasBrand(regExpSourceGetter, value) ? valueObject('RegExp', RegExp.prototype.toString.call(value)) : undefined;
    case 'ArrayBuffer':
      return hasBrand(arrayBufferLengthGetter, value) ? describeBytes(tag, value as ArrayBuffer, 0, undefined) : undefined;
    case 'Promise':
      // Its state cannot be read synchronously, and calling then() would mark a rejection handled.
      return { t: 'object', tag, entries: [], more: 0 };
  }
  if (ArrayBuffer.isView(value)) return describeBytes(builtinName(value, tag), value.buffer, value.byteOffset, value.byteLength);
  return undefined;
}

function describeArray(array: readonly unknown[], child: (v: unknown) => Inspected, walk: Walk): Inspected {
  const shown = Math.min(array.length, walk.maxEntries);
  const items: Inspected[] = [];
  for (let index = 0; index < shown; index++) {
    items.push(walk.guard(() => child(array[index])));
  }
  return { t: 'array', items, more: array.length - shown };
}

export function describeMapLike(tag: string, map: MapLike, child: (v: unknown) => Inspected, maxEntries: number): Inspected {
  const entries: Array<readonly [Inspected, Inspected]> = [];
  let more = 0;
  map.forEach((value, key) => {
    if (entries.length < maxEntries) entries.push([child(key), child(value)]);
    else more++;
  });
  return { t: 'map', tag, entries, more };
}

function describeSet(tag: string, set: object, child: (v: unknown) => Inspected, maxEntries: number): Inspected {
  const items: Inspected[] = [];
  let more = 0;
  Set.prototype.forEach.call(set, (value: unknown) => {
    if (items.length < maxEntries) items.push(child(value));
    else more++;
  });
  return { t: 'set', tag, items, more };
}

function describeBytes(tag: string, buffer: ArrayBufferLike, offset: number, length: number | undefined): Inspected {
  const byteLength = length ?? buffer.byteLength;
  // A detached buffer reports 0 bytes and cannot be viewed.
  const preview = byteLength === 0 ? new Uint8Array(0) : new Uint8Array(buffer, offset, Math.min(byteLength, HEX_PREVIEW_BYTES));
  const hex = Array.from(preview, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
  return {
    t: 'object',
    tag,
    entries: [
      ['byteLength', { t: 'number', v: String(byteLength) }],
      ['bytes', { t: 'string', v: byteLength > HEX_PREVIEW_BYTES ? `${hex} …` : hex }],
    ],
    more: 0,
  };
}

/** Dates and regular expressions: one 'value' entry holding their usual text form. */
function valueObject(tag: 'Date' | 'RegExp', text: string): Inspected {
  return { t: 'object', tag, entries: [['value', { t: 'string', v: text }]], more: 0 };
}

function dateText(date: Date): string {
  const time = Date.prototype.getTime.call(date);
  return Number.isNaN(time) ? 'Invalid Date' : new Date(time).toISOString();
}
