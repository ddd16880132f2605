/**
 * The code of a TypeScript file without its comments, as a token list: two editions of a lab
 * file (English and Korean comments) must be the same program, token for token.
 */
import { tokenizer } from 'acorn';
import { transform } from 'sucrase';

/** Tokens of `source` after removing types; comments and layout do not count. */
export function codeTokens(source: string): string[] {
  const js = transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
  const tokens: string[] = [];
  for (const token of tokenizer(js, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true })) {
    tokens.push(`${token.type.label}:${String((token as { value?: unknown }).value ?? '')}`);
  }
  return tokens;
}

/** The first token where two editions differ (1-based index and both tokens), or null when they are the same code. */
export function firstCodeDifference(a: string, b: string): { index: number; a: string; b: string } | null {
  const left = codeTokens(a);
  const right = codeTokens(b);
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i += 1) {
    if (left[i] !== right[i]) return { index: i + 1, a: left[i] ?? '(end)', b: right[i] ?? '(end)' };
  }
  return null;
}
