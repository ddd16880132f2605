/**
 * Turns any value from the lab frame into an `Inspected`: plain data that survives
 * postMessage, bounded in size, and readable in the console panel.
 *
 * Browser objects are recognised by their Object.prototype.toString tag or by duck typing,
 * never by instanceof: the values come from another realm (the lab iframe), and this module
 * must also run in Node, where MediaStream and friends do not exist. Every read of a learner
 * value can run learner code (getters, proxies), so each one is guarded.
 */
import type { Inspected } from './feed.ts';

export interface InspectOptions {
  /** Levels of nesting shown below the top value; deeper objects become 'elided'. */
  readonly depth?: number;
  /** Items shown per array, object, map or set; the rest are counted in `more`. */
  readonly maxEntries?: number;
  /** Characters kept per string; the rest are counted in `truncated`. */
  readonly maxString?: number;
}

/**
 * Nodes built per call, whatever the options: 50 entries over 3 levels could otherwise
 * reach 50⁴ values, far too many to post on every console.log.
 */
const MAX_NODES = 5_000;
/** Bytes shown in an ArrayBuffer's or typed array's hex preview. */
const HEX_PREVIEW_BYTES = 16;

interface Context {
  readonly depth: number;
  readonly maxEntries: number;
  readonly maxString: number;
  /** Objects on the path from the top value to the current one: revisiting one is a cycle. */
  readonly ancestors: Set<object>;
  nodes: number;
}

type Entries = Array<readonly [string, Inspected]>;

export function inspect(value: unknown, options: InspectOptions = {}): Inspected {
  const context: Context = {
    depth: options.depth ?? 3,
    maxEntries: options.maxEntries ?? 50,
    maxString: options.maxString ?? 10_000,
    ancestors: new Set(),
    nodes: 0,
  };
  return inspectAt(value, 0, context);
}

function inspectAt(value: unknown, level: number, context: Context): Inspected {
  context.nodes++;
  switch (typeof value) {
    case 'undefined':
      return { t: 'undefined' };
    case 'boolean':
      return { t: 'boolean', v: value };
    case 'number':
      return { t: 'number', v: numberText(value) };
    case 'bigint':
      return { t: 'bigint', v: String(value) };
    case 'string':
      return truncate(value, context.maxString);
    case 'symbol':
      // String() describes a symbol without consulting Symbol.prototype.toString.
      return { t: 'symbol', v: String(value) };
    case 'function':
      return { t: 'function', name: guarded(() => functionName(value), '') };
    default:
      if (value === null) return { t: 'null' };
      return inspectObject(value as object, level, context);
  }
}

function inspectObject(value: object, level: number, context: Context): Inspected {
  if (context.ancestors.has(value)) return { t: 'circular' };
  context.ancestors.add(value);
  try {
    const tag = builtinTag(value);
    if (level > context.depth || context.nodes > MAX_NODES) {
      return { t: 'elided', tag: Array.isArray(value) ? 'Array' : className(value, tag) };
    }
    return describe(value, tag, level, context);
  } catch (error) {
    // A proxy trap or a getter threw before we knew what the object was.
    return thrownValue(error, context);
  } finally {
    context.ancestors.delete(value);
  }
}

/** Chooses a description by what the object is. */
function describe(value: object, tag: string, level: number, context: Context): Inspected {
  const child = (v: unknown): Inspected => inspectAt(v, level + 1, context);
  const read = (key: PropertyKey): Inspected => readProperty(value, key, level, context);
  const object = (name: string, keys: readonly string[]): Inspected => ({
    t: 'object',
    tag: name,
    entries: keys.map((key) => [key, read(key)] as const),
    more: 0,
  });

  if (Array.isArray(value)) return describeArray(value, child, context);
  switch (tag) {
    case 'MediaStream':
      return describeStream(value, level, context);
    case 'MediaStreamTrack':
      return describeTrack(value, level, context, true);
    case 'RTCPeerConnection': {
      const states = ['signalingState', 'iceGatheringState', 'iceConnectionState', 'connectionState'];
      const entries: Entries = states.map((key) => [key, read(key)] as const);
      for (const key of ['localDescription', 'remoteDescription'] as const) {
        entries.push([key, guardedInspect(() => descriptionType(value, key), context)]);
      }
      return { t: 'object', tag, entries, more: 0 };
    }
    case 'RTCDataChannel':
      return object(tag, ['label', 'id', 'readyState', 'ordered', 'bufferedAmount', 'protocol']);
    case 'RTCSessionDescription':
      return object(tag, ['type', 'sdp']);
    case 'RTCIceCandidate':
      return object(tag, ['candidate', 'sdpMid', 'sdpMLineIndex']);
    case 'RTCStatsReport':
      if (typeof (value as { forEach?: unknown }).forEach === 'function') {
        return describeMapLike(tag, value as MapLike, child, context);
      }
      break;
    case 'Error':
    case 'DOMException':
      return describeError(value, context);
    case 'Map':
      if (hasBrand(mapSizeGetter, value)) {
        return describeMapLike(builtinName(value, tag), { forEach: (cb) => Map.prototype.forEach.call(value, cb) }, child, context);
      }
      break;
    case 'Set':
      if (hasBrand(setSizeGetter, value)) return describeSet(builtinName(value, tag), value, child, context);
      break;
    case 'Date':
      if (hasBrand(Date.prototype.getTime, value)) return valueObject('Date', dateText(value as Date));
      break;
    case 'RegExp':
      if (hasBrand(regExpSourceGetter, value)) return valueObject('RegExp', RegExp.prototype.toString.call(value));
      break;
    case 'ArrayBuffer':
      if (hasBrand(arrayBufferLengthGetter, value)) return describeBytes(tag, value as ArrayBuffer, 0, undefined);
      break;
    case 'Promise':
      // Its state cannot be read synchronously, and calling then() would mark a rejection handled.
      return { t: 'object', tag, entries: [], more: 0 };
  }
  if (ArrayBuffer.isView(value)) {
    return describeBytes(builtinName(value, tag), value.buffer, value.byteOffset, value.byteLength);
  }
  if (isElement(value)) return { t: 'element', v: elementText(value) };
  if (isErrorLike(value)) return describeError(value, context);
  return describeObject(value, tag, level, context);
}

// ---------------------------------------------------------------------------------------
// Browser objects

function describeStream(stream: object, level: number, context: Context): Inspected {
  const tracks = guardedInspect((): Inspected => {
    if (level + 1 > context.depth) return { t: 'elided', tag: 'Array' };
    const list: unknown = (stream as { getTracks?: () => unknown }).getTracks?.();
    if (!Array.isArray(list)) return { t: 'undefined' };
    const shown: unknown[] = list.slice(0, context.maxEntries);
    return {
      t: 'array',
      // Inside a stream a track is listed without its settings, to keep the line short.
      items: shown.map((track): Inspected => {
        if (typeof track !== 'object' || track === null) return inspectAt(track, level + 2, context);
        context.nodes++;
        if (level + 2 > context.depth) return { t: 'elided', tag: 'MediaStreamTrack' };
        return describeTrack(track, level + 2, context, false);
      }),
      more: list.length - shown.length,
    };
  }, context);
  return {
    t: 'object',
    tag: 'MediaStream',
    entries: [
      ['id', readProperty(stream, 'id', level, context)],
      ['active', readProperty(stream, 'active', level, context)],
      ['tracks', tracks],
    ],
    more: 0,
  };
}

function describeTrack(track: object, level: number, context: Context, withSettings: boolean): Inspected {
  const keys = ['kind', 'label', 'id', 'readyState', 'enabled', 'muted'];
  const entries: Entries = keys.map((key) => [key, readProperty(track, key, level, context)] as const);
  if (withSettings) {
    const settings = guardedInspect(() => {
      const getSettings: unknown = (track as { getSettings?: unknown }).getSettings;
      return typeof getSettings === 'function' ? inspectAt(getSettings.call(track), level + 1, context) : { t: 'undefined' };
    }, context);
    entries.push(['settings', settings]);
  }
  return { t: 'object', tag: 'MediaStreamTrack', entries, more: 0 };
}

/** A description's type, or null: the full SDP is its own log line when the learner wants it. */
function descriptionType(pc: object, key: 'localDescription' | 'remoteDescription'): Inspected {
  const description: unknown = (pc as Record<string, unknown>)[key];
  if (description === null || description === undefined) return { t: 'null' };
  const type: unknown = (description as { type?: unknown }).type;
  return typeof type === 'string' ? { t: 'string', v: type } : { t: 'null' };
}

function isElement(value: object): boolean {
  const node = value as { nodeType?: unknown; tagName?: unknown };
  return node.nodeType === 1 && typeof node.tagName === 'string';
}

function elementText(value: object): string {
  const element = value as { tagName: string; localName?: unknown; id?: unknown; className?: unknown; getAttribute?: unknown };
  const name = typeof element.localName === 'string' ? element.localName : element.tagName.toLowerCase();
  const id = typeof element.id === 'string' && element.id !== '' ? `#${element.id}` : '';
  // SVG elements' className is an SVGAnimatedString, not a string; the attribute is.
  const classAttribute: unknown =
    typeof element.getAttribute === 'function' ? element.getAttribute.call(value, 'class') : element.className;
  const classes = typeof classAttribute === 'string' ? classAttribute.split(/\s+/).filter(Boolean) : [];
  return `<${name}${id}${classes.map((c) => `.${c}`).join('')}>`;
}

// ---------------------------------------------------------------------------------------
// Built-in JavaScript objects

function describeArray(array: readonly unknown[], child: (v: unknown) => Inspected, context: Context): Inspected {
  const shown = Math.min(array.length, context.maxEntries);
  const items: Inspected[] = [];
  for (let index = 0; index < shown; index++) {
    items.push(guardedInspect(() => child(array[index]), context));
  }
  return { t: 'array', items, more: array.length - shown };
}

interface MapLike {
  forEach(callback: (value: unknown, key: unknown) => void): void;
}

function describeMapLike(tag: string, map: MapLike, child: (v: unknown) => Inspected, context: Context): Inspected {
  const entries: Array<readonly [Inspected, Inspected]> = [];
  let more = 0;
  map.forEach((value, key) => {
    if (entries.length < context.maxEntries) entries.push([child(key), child(value)]);
    else more++;
  });
  return { t: 'map', tag, entries, more };
}

function describeSet(tag: string, set: object, child: (v: unknown) => Inspected, context: Context): Inspected {
  const items: Inspected[] = [];
  let more = 0;
  Set.prototype.forEach.call(set, (value: unknown) => {
    if (items.length < context.maxEntries) items.push(child(value));
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

function describeError(error: object, context: Context): Inspected {
  const name = readString(error, 'name') ?? 'Error';
  const message = readString(error, 'message') ?? '';
  const stack = readString(error, 'stack');
  const short = (s: string): string => (s.length > context.maxString ? `${s.slice(0, context.maxString)}…` : s);
  return stack === undefined
    ? { t: 'error', name, message: short(message) }
    : { t: 'error', name, message: short(message), stack: short(stack) };
}

function isErrorLike(value: object): boolean {
  const error = value as { name?: unknown; message?: unknown; stack?: unknown };
  return typeof error.name === 'string' && typeof error.message === 'string' && typeof error.stack === 'string';
}

// ---------------------------------------------------------------------------------------
// Plain objects, class instances and other host objects

function describeObject(value: object, tag: string, level: number, context: Context): Inspected {
  const keys: PropertyKey[] = [
    ...Object.keys(value),
    ...Object.getOwnPropertySymbols(value).filter((symbol) => Object.prototype.propertyIsEnumerable.call(value, symbol)),
  ];
  if (tag !== 'Object') keys.push(...nativeAccessors(value, new Set(keys)));
  const shown = keys.slice(0, context.maxEntries);
  return {
    t: 'object',
    tag: className(value, tag),
    entries: shown.map((key) => [keyText(key), readProperty(value, key, level, context)] as const),
    more: keys.length - shown.length,
  };
}

/**
 * Host objects (RTCRtpSender, MediaDeviceInfo, events…) keep their state behind native
 * getters on their prototypes, as Chrome's console shows. Learner getters are left alone:
 * they may have side effects.
 */
function nativeAccessors(value: object, skip: ReadonlySet<PropertyKey>): string[] {
  const keys: string[] = [];
  // Stop before Object.prototype, whose only accessor is __proto__.
  for (let proto = Object.getPrototypeOf(value); proto !== null && Object.getPrototypeOf(proto) !== null; proto = Object.getPrototypeOf(proto)) {
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (skip.has(key) || keys.includes(key) || descriptor.get === undefined) continue;
      if (!Function.prototype.toString.call(descriptor.get).includes('[native code]')) continue;
      // Unset event handlers (onicecandidate: null…) are noise on every RTC object.
      if (/^on[a-z]+$/.test(key) && guarded(() => Reflect.get(value, key) === null, true)) continue;
      keys.push(key);
    }
  }
  return keys;
}

function readProperty(value: object, key: PropertyKey, level: number, context: Context): Inspected {
  let property: unknown;
  try {
    property = Reflect.get(value, key);
  } catch (error) {
    return thrownValue(error, context);
  }
  return inspectAt(property, level + 1, context);
}

/** The class or host type name shown before an object's entries. */
function className(value: object, tag: string): string {
  return tag === 'Object' ? (constructorName(value) ?? 'Object') : tag;
}

/** For built-ins, whose tag hides a subclass: `class Peers extends Map` shows as Peers. */
function builtinName(value: object, tag: string): string {
  return constructorName(value) ?? tag;
}

function constructorName(value: object): string | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || typeof proto !== 'object') return undefined;
  // The descriptor, not a property read, so a getter named constructor is not run.
  const constructor: unknown = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
  const name = typeof constructor === 'function' ? guarded(() => functionName(constructor), '') : '';
  return name === '' ? undefined : name;
}

function keyText(key: PropertyKey): string {
  return typeof key === 'symbol' ? `[${String(key)}]` : String(key);
}

// ---------------------------------------------------------------------------------------
// Small guarded helpers

function builtinTag(value: object): string {
  return Object.prototype.toString.call(value).slice('[object '.length, -1);
}

function getter(proto: object, key: string): ((this: unknown) => unknown) | undefined {
  return Object.getOwnPropertyDescriptor(proto, key)?.get;
}

// Intrinsic getters work across realms (they check internal slots, not prototypes), so
// they tell a real Map from an object that merely claims to be one.
const mapSizeGetter = getter(Map.prototype, 'size');
const setSizeGetter = getter(Set.prototype, 'size');
const regExpSourceGetter = getter(RegExp.prototype, 'source');
const arrayBufferLengthGetter = getter(ArrayBuffer.prototype, 'byteLength');

function hasBrand(check: ((this: unknown) => unknown) | undefined, value: object): boolean {
  if (check === undefined) return false;
  try {
    check.call(value);
    return true;
  } catch {
    return false;
  }
}

function guarded<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function guardedInspect(read: () => Inspected, context: Context): Inspected {
  try {
    return read();
  } catch (error) {
    return thrownValue(error, context);
  }
}

function readString(value: object, key: string): string | undefined {
  return guarded(() => {
    const property: unknown = Reflect.get(value, key);
    return typeof property === 'string' ? property : undefined;
  }, undefined);
}

function functionName(fn: unknown): string {
  const name: unknown = (fn as { name?: unknown }).name;
  return typeof name === 'string' ? name : '';
}

/** What a throwing getter or trap produced, as an 'error' entry; never throws itself. */
function thrownValue(error: unknown, context: Context): Inspected {
  if (typeof error === 'object' && error !== null) {
    return describeError(error, context);
  }
  return { t: 'error', name: 'Error', message: guarded(() => String(error), 'unknown error') };
}

function numberText(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

function truncate(s: string, max: number): Inspected {
  if (s.length <= max) return { t: 'string', v: s };
  // Do not split a surrogate pair: half an emoji (or a rare CJK ideograph) renders as �.
  const cut = max > 0 && isHighSurrogate(s.charCodeAt(max - 1)) ? max - 1 : max;
  return { t: 'string', v: s.slice(0, cut), truncated: s.length - cut };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

// ---------------------------------------------------------------------------------------
// Text

/** One line, like Chrome's collapsed console preview: nested structures are abbreviated. */
export function formatInspected(value: Inspected): string {
  return format(value, true);
}

/**
 * The console line for one call: top-level strings unquoted, and the first string's
 * %s %d %i %f %o %O %c substitutions applied as browsers do.
 */
export function formatConsoleArgs(args: readonly Inspected[]): string {
  const [first, ...rest] = args;
  if (first === undefined) return '';
  if (first.t !== 'string' || !first.v.includes('%')) return args.map(formatTopArg).join(' ');
  const remaining = [...rest];
  const head = first.v.replace(/%([sdifoOc%])/g, (match, spec: string) => {
    if (spec === '%') return '%';
    const arg = remaining.shift();
    if (arg === undefined) return match;
    switch (spec) {
      case 'c':
        return ''; // CSS: no styling in a text line
      case 'd':
      case 'i':
        return arg.t === 'number' ? numberText(Math.trunc(Number(arg.v))) : 'NaN';
      case 'f':
        return arg.t === 'number' ? arg.v : 'NaN';
      default:
        return formatTopArg(arg);
    }
  });
  const text = first.truncated === undefined ? head : `${head}${truncationNote(first.truncated)}`;
  return [text, ...remaining.map(formatTopArg)].join(' ');
}

function formatTopArg(arg: Inspected): string {
  return arg.t === 'string' ? arg.v + (arg.truncated === undefined ? '' : truncationNote(arg.truncated)) : formatInspected(arg);
}

function truncationNote(dropped: number): string {
  return `… +${dropped} chars`;
}

function format(value: Inspected, top: boolean): string {
  switch (value.t) {
    case 'undefined':
    case 'null':
      return value.t;
    case 'boolean':
      return String(value.v);
    case 'number':
      return value.v;
    case 'bigint':
      return `${value.v}n`;
    case 'string':
      return JSON.stringify(value.v) + (value.truncated === undefined ? '' : truncationNote(value.truncated));
    case 'symbol':
    case 'element':
      return value.v;
    case 'function':
      return `ƒ ${value.name === '' ? 'anonymous' : value.name}()`;
    case 'error':
      return `${value.message === '' ? value.name : `${value.name}: ${value.message}`}${value.line === undefined ? '' : ` (line ${value.line})`}`;
    case 'circular':
      return '[Circular]';
    case 'elided':
      return value.tag === 'Object' ? '{…}' : value.tag === 'Array' ? '[…]' : value.tag;
    case 'array': {
      const count = value.items.length + value.more;
      if (!top) return count === 0 ? '[]' : `Array(${count})`;
      const prefix = count > 1 ? `(${count}) ` : '';
      return `${prefix}[${list(value.items.map((item) => format(item, false)), value.more)}]`;
    }
    case 'object': {
      const only = value.entries[0];
      if ((value.tag === 'Date' || value.tag === 'RegExp') && value.entries.length === 1 && only?.[0] === 'value' && only[1].t === 'string') {
        return only[1].v;
      }
      const count = value.entries.length + value.more;
      if (!top) return value.tag !== 'Object' ? value.tag : count === 0 ? '{}' : '{…}';
      const prefix = value.tag === 'Object' ? '' : `${value.tag} `;
      return `${prefix}{${list(value.entries.map(([key, item]) => `${formatKey(key)}: ${format(item, false)}`), value.more)}}`;
    }
    case 'map': {
      const head = `${value.tag}(${value.entries.length + value.more})`;
      if (!top) return head;
      return `${head} {${list(value.entries.map(([key, item]) => `${format(key, false)} => ${format(item, false)}`), value.more)}}`;
    }
    case 'set': {
      const head = `${value.tag}(${value.items.length + value.more})`;
      if (!top) return head;
      return `${head} {${list(value.items.map((item) => format(item, false)), value.more)}}`;
    }
  }
}

function list(parts: readonly string[], more: number): string {
  return more > 0 ? [...parts, `…${more} more`].join(', ') : parts.join(', ');
}

function formatKey(key: string): string {
  return /^(?:[A-Za-z_$][\w$]*|\d+|\[Symbol\(.*\)\])$/.test(key) ? key : JSON.stringify(key);
}
