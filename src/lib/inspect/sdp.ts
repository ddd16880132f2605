/** Recognising SDP text, so the console can show it line by line instead of one escaped string. */

/** Characters kept of an SDP string: an offer with audio, video and data is 5–10 k, so keep it whole. */
export const SDP_MAX_CHARS = 64 * 1024;

/** SDP starts with its version line, and every line is `<letter>=<value>` (RFC 8866 §5). */
export function looksLikeSdp(text: string): boolean {
  if (!/^v=0\r?\n/.test(text)) return false;
  const lines = sdpLines(text);
  // Truncation may leave the last line shorter than its `x=`.
  return lines.length > 1 && lines.every((line, index) => /^[a-z]=/.test(line) || (index === lines.length - 1 && line.length < 2));
}

/** SDP's lines, without the terminators (CRLF, or LF from hand-made SDP) and the final empty line. */
export function sdpLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
