import { describe, expect, it } from 'vitest';
import { findInvisibleCharacters } from '../../src/lib/invisible-characters.ts';

describe('findInvisibleCharacters', () => {
  it('finds a Trojan Source reordering, with line and column', () => {
    // Trojan Source: bidi controls in a comment make live code look commented out, or the reverse.
    const code = 'const isAdmin = false;\n/*\u202e } \u2066if (isAdmin)\u2069 \u2066 begin admins only */\n';
    expect(findInvisibleCharacters(code)).toEqual([
      { line: 2, column: 3, name: 'U+202E RIGHT-TO-LEFT OVERRIDE' },
      { line: 2, column: 7, name: 'U+2066 LEFT-TO-RIGHT ISOLATE' },
      { line: 2, column: 20, name: 'U+2069 POP DIRECTIONAL ISOLATE' },
      { line: 2, column: 22, name: 'U+2066 LEFT-TO-RIGHT ISOLATE' },
    ]);
  });

  it('finds zero-width characters inside names', () => {
    expect(findInvisibleCharacters('const a\u200bb = 1;')).toEqual([{ line: 1, column: 8, name: 'U+200B ZERO WIDTH SPACE' }]);
  });

  it('leaves ordinary code and Korean comments alone', () => {
    expect(findInvisibleCharacters("// 카메라를 엽니다\nconst pc = new RTCPeerConnection(); // ok → 'é'")).toEqual([]);
  });
});
