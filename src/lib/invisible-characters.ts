/**
 * Characters that change how code reads without showing themselves: bidirectional controls
 * (the "Trojan Source" attack reorders what a reader sees against what runs) and zero-width
 * characters (two names that look the same but differ). Monaco highlights them itself; the plain
 * text box on touch screens cannot, so the page lists them.
 */
export const INVISIBLE_CHARACTERS: Readonly<Record<number, string>> = {
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

export interface InvisibleCharacter {
  /** 1-based, as an editor counts. */
  readonly line: number;
  readonly column: number;
  /** `U+202E RIGHT-TO-LEFT OVERRIDE`. */
  readonly name: string;
}

const PATTERN = new RegExp(`[${Object.keys(INVISIBLE_CHARACTERS).map((c) => `\\u{${Number(c).toString(16)}}`).join('')}]`, 'gu');

export function findInvisibleCharacters(text: string): InvisibleCharacter[] {
  const found: InvisibleCharacter[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(PATTERN)) {
      const code = match[0].codePointAt(0)!;
      found.push({ line: index + 1, column: match.index + 1, name: `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${INVISIBLE_CHARACTERS[code]}` });
    }
  });
  return found;
}
