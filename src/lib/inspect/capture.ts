/**
 * Turns any value from the lab frame into an `Inspected`: plain data that survives
 * postMessage, bounded in size, and readable in the console panel.
 *
 * Browser objects are recognised by their Object.prototype.toString tag or by duck typing,
 * never by instanceof: the values come from another realm (the lab iframe), and this module
 * must also run in Node, where MediaStream and friends do not exist. Every read of a learner
 * value can run learner code (getters, proxies), so each one is guarded.
 */
import type { Inspected } from '../feed.ts';
import { describeBuiltin } from './builtins.ts';
import { describeError, isErrorLike, thrownValue } from './errors.ts';
import { builtinTag, className, functionName, guarded, numberText, truncate } from './guards.ts';
import { looksLikeSdp, SDP_MAX_CHARS } from './sdp.ts';
import type { Walk } from './walk.ts';
import { describeWebRtc } from './webrtc.ts';

export interface InspectOptions {
  /** Levels of nesting shown below the top value; deeper objects become 'elided'. */
  readonly depth?: number;
  /** Items shown per array, object, map or set; the rest are counted in `more`. */
  readonly maxEntries?: number;
  /** Characters kept per string (SDP keeps up to SDP_MAX_CHARS); the rest are counted in `truncated`. */
  readonly maxString?: number;
}

/**
 * Nodes built per call, whatever the options: 50 entries over 3 levels could otherwise
 * reach 50⁴ values, far too many to post on every console.log.
 */
const MAX_NODES = 5_000;

export function inspect(value: unknown, options: InspectOptions = {}): Inspected {
  return new Walker(options.depth ?? 3, options.maxEntries ?? 50, options.maxString ?? 10_000).at(value, 0);
}

class Walker implements Walk {
  /** Objects on the path from the top value to the current one: revisiting one is a cycle. */
  private readonly ancestors = new Set<object>();
  private nodes = 0;

  readonly depth: number;
  readonly maxEntries: number;
  readonly maxString: number;

  constructor(depth: number, maxEntries: number, maxString: number) {
    this.depth = depth;
    this.maxEntries = maxEntries;
    this.maxString = maxString;
  }

  exhausted(): boolean {
    return this.nodes > MAX_NODES;
  }

  count(): void {
    this.nodes++;
  }

  at(value: unknown, level: number): Inspected {
    this.nodes++;
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
        return truncate(value, looksLikeSdp(value) ? Math.max(this.maxString, SDP_MAX_CHARS) : this.maxString);
      case 'symbol':
        // String() describes a symbol without consulting Symbol.prototype.toString.
        return { t: 'symbol', v: String(value) };
      case 'function':
        return { t: 'function', name: guarded(() => functionName(value), '') };
      default:
        if (value === null) return { t: 'null' };
        return this.object(value as object, level);
    }
  }

  read(object: object, key: PropertyKey, level: number): Inspected {
    let property: unknown;
    try {
      property = Reflect.get(object, key);
    } catch (error) {
      return thrownValue(error, this.maxString);
    }
    return this.at(property, level + 1);
  }

  guard(build: () => Inspected): Inspected {
    try {
      return build();
    } catch (error) {
      return thrownValue(error, this.maxString);
    }
  }

  private object(value: object, level: number): Inspected {
    if (this.ancestors.has(value)) return { t: 'circular' };
    this.ancestors.add(value);
    try {
      const tag = builtinTag(value);
      if (level > this.depth || this.exhausted()) {
        return { t: 'elided', tag: Array.isArray(value) ? 'Array' : className(value, tag) };
      }
      return this.describe(value, tag, level);
    } catch (error) {
      // A proxy trap or a getter threw before we knew what the object was.
      return thrownValue(error, this.maxString);
    } finally {
      this.ancestors.delete(value);
    }
  }

  /** Chooses a description by what the object is. */
  private describe(value: object, tag: string, level: number): Inspected {
    // Arrays first (a proxy of one may claim any tag); the tags the three match are disjoint.
    const known =
      describeBuiltin(value, tag, level, this) ??
      describeWebRtc(value, tag, level, this) ??
      (tag === 'Error' || tag === 'DOMException' ? describeError(value, this.maxString) : undefined);
    if (known !== undefined) return known;
    if (isElement(value)) return { t: 'element', v: elementText(value) };
    if (isErrorLike(value)) return describeError(value, this.maxString);
    return this.plainObject(value, tag, level);
  }

  /** Plain objects, class instances and host objects without a describer of their own. */
  private plainObject(value: object, tag: string, level: number): Inspected {
    const keys: PropertyKey[] = [
      ...Object.keys(value),
      ...Object.getOwnPropertySymbols(value).filter((symbol) => Object.prototype.propertyIsEnumerable.call(value, symbol)),
    ];
    if (tag !== 'Object') keys.push(...nativeAccessors(value, new Set(keys)));
    const shown = keys.slice(0, this.maxEntries);
    return {
      t: 'object',
      tag: className(value, tag),
      entries: shown.map((key) => [keyText(key), this.read(value, key, level)] as const),
      more: keys.length - shown.length,
    };
  }
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

function keyText(key: PropertyKey): string {
  return typeof key === 'symbol' ? `[${String(key)}]` : String(key);
}

function isElement(value: object): boolean {
  const node = value as { nodeType?: unknown; tagName?: unknown };
  return node.nodeType === 1 && typeof node.tagName === 'string';
}

/** `<video#remote.big>`: what a learner would write to select it. */
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
