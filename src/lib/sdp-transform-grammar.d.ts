/**
 * sdp-transform exports its grammar (the table its parser runs line by line) at runtime, but
 * @types/sdp-transform does not declare it. The explainer reads single lines with it.
 */
import 'sdp-transform';

declare module 'sdp-transform' {
  interface GrammarRule {
    /** Where the parser stores a single value: `setup`, `mid`, `iceUfrag`. */
    readonly name?: string;
    /** Where the parser pushes one of many: `rtp`, `candidates`, `invalid` for a line it does not know. */
    readonly push?: string;
    readonly reg: RegExp;
    /** Field names for the capture groups, in order. */
    readonly names?: readonly string[];
  }
  export const grammar: Readonly<Record<string, readonly GrammarRule[] | undefined>>;
}
