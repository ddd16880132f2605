/** Inspected values as console text, the way Chrome's console previews them collapsed. */
import type { Inspected } from '../feed.ts';
import { numberText } from './guards.ts';

/** One line, like Chrome's collapsed console preview: nested structures are abbreviated. */
export function formatInspected(value: Inspected): string {
  return format(value, true);
}

/**
 * The console line for one call: top-level strings unquoted, and the first string's
 * %s %d %i %f %o %O %c substitutions applied as browsers do.
 */
export function formatConsoleArgs(args: readonly Inspected[]): string {
  const { head, rest } = substitute(args);
  return [...(head === undefined ? [] : [head]), ...rest.map(formatTopArg)].join(' ');
}

/**
 * Applies the first argument's format specifiers. `head` is the resulting text (undefined
 * when the first argument is no format string); `rest` are the arguments it did not consume.
 */
export function substitute(args: readonly Inspected[]): { head: string | undefined; rest: readonly Inspected[] } {
  const [first, ...others] = args;
  if (first === undefined || first.t !== 'string' || !first.v.includes('%')) return { head: undefined, rest: args };
  const remaining = [...others];
  const text = first.v.replace(/%([sdifoOc%])/g, (match, spec: string) => {
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
  return { head: first.truncated === undefined ? text : `${text}${truncationNote(first.truncated)}`, rest: remaining };
}

/** An argument of a console call: strings as they are, everything else as formatInspected. */
export function formatTopArg(arg: Inspected): string {
  return arg.t === 'string' ? arg.v + (arg.truncated === undefined ? '' : truncationNote(arg.truncated)) : formatInspected(arg);
}

export function truncationNote(dropped: number): string {
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
