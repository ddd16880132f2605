/** Longest text a feed event carries for one message; the console shows no more. */
export const TEXT_LIMIT = 1000;

/** Cuts a text to `limit` UTF-16 units without splitting a surrogate pair. */
export function clip(text: string, limit = TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const end = isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, end);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

