/**
 * Prose code must compile: every ```ts block in every lesson, English and Korean, type-checks as
 * a module of its own, with the DOM and Node libraries, strict settings, and the modules a lab can
 * import. A fragment that uses what the prose set up names it on its fence, ```ts assumes="pc signal",
 * and gets the declaration below, so the page shows the fragment and the test still checks it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DOCS = path.resolve('src/content/docs');
const LAB_TYPES = path.resolve('src/labs/lab-module.d.ts');

/** What a fragment may assume the page set up before it. */
const ASSUMED: Readonly<Record<string, string>> = {
  pc: 'declare const pc: RTCPeerConnection;',
  sender: 'declare const sender: RTCRtpSender;',
  signal: 'declare function signal(message: RTCSessionDescription | RTCIceCandidate | null): void;',
  offer: 'declare const offer: RTCSessionDescriptionInit;',
  answer: 'declare const answer: RTCSessionDescriptionInit;',
  candidate: 'declare const candidate: RTCIceCandidateInit;',
  stream: 'declare const stream: MediaStream;',
  preview: 'declare const preview: HTMLVideoElement;',
  remoteVideo: 'declare const remoteVideo: HTMLVideoElement;',
  chosenCameraId: 'declare const chosenCameraId: string;',
  iceServers: 'declare const iceServers: RTCIceServer[];',
  channel: 'declare const channel: RTCDataChannel;',
  snapshot: 'declare const snapshot: HTMLCanvasElement;',
  received: 'declare const received: HTMLCanvasElement;',
  bytes: 'declare const bytes: Uint8Array<ArrayBuffer>;',
  CHUNK: 'declare const CHUNK: number;',
  HIGH_WATER: 'declare const HIGH_WATER: number;',
  chunk: 'declare const chunk: ArrayBuffer;',
  incoming: 'declare const incoming: { size: number; type: string; parts: ArrayBuffer[]; bytes: number };',
};

interface Block {
  readonly file: string;
  /** Names from ASSUMED that the fence lists. */
  readonly assumes: readonly string[];
  /** The 1-based line of the block's first code line in the lesson. */
  readonly line: number;
  readonly code: string;
}

function lessonFiles(dir: string = DOCS): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? lessonFiles(full) : /\.mdx?$/.test(entry.name) ? [full] : [];
  });
}

function tsBlocks(file: string, source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(\s*)```ts\b(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const assumes = /\bassumes="([^"]*)"/.exec(open[2] ?? '')?.[1]?.split(/\s+/).filter(Boolean) ?? [];
    const indent = open[1]?.length ?? 0;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end] ?? '')) end += 1;
    blocks.push({ file, assumes, line: start + 1, code: lines.slice(start, end).map((l) => l.slice(indent)).join('\n') });
    i = end;
  }
  return blocks;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2024,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2024.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts', 'lib.dom.asynciterable.d.ts'],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
};

/** The block's source: its assumptions on one line first, so the code's lines stay one apart. */
function moduleSource(block: Block): string {
  const unknown = block.assumes.filter((name) => !(name in ASSUMED));
  if (unknown.length) throw new Error(`${block.file}:${block.line}: assumes unknown ${unknown.join(', ')}; declare it in ASSUMED`);
  return `${block.assumes.map((name) => ASSUMED[name]).join(' ')}\n${block.code}\nexport {};\n`;
}

/** Diagnostics per block, as "file:line: message" with the line in the lesson. */
function typeCheck(blocks: readonly Block[]): string[] {
  // A .ts extension per block, and `export {}` so each is a module: top-level await, no shared globals.
  const virtual = new Map(blocks.map((block, index) => [path.resolve(`lesson-block-${index}.ts`), moduleSource(block)]));
  const host = ts.createCompilerHost(COMPILER_OPTIONS);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => virtual.get(path.resolve(name)) ?? readFile(name);
  host.fileExists = (name) => virtual.has(path.resolve(name)) || fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) => {
    const text = virtual.get(path.resolve(name));
    return text === undefined ? getSourceFile(name, language) : ts.createSourceFile(name, text, language);
  };
  const program = ts.createProgram([...virtual.keys(), LAB_TYPES], COMPILER_OPTIONS, host);
  return [...virtual.keys()].flatMap((name, index) => {
    const block = blocks[index]!;
    const source = program.getSourceFile(name)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
      // Line 0 holds the assumptions; the block's first code line is line 1.
      const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line - 1;
      return `${path.relative(DOCS, block.file)}:${block.line + line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  });
}

describe('code in the lessons', () => {
  const blocks = lessonFiles().flatMap((file) => tsBlocks(file, readFileSync(file, 'utf8')));

  it('finds the ts blocks in both languages', () => {
    expect(blocks.filter((b) => b.file.includes(`${path.sep}ko${path.sep}`)).length).toBeGreaterThan(10);
    expect(blocks.filter((b) => !b.file.includes(`${path.sep}ko${path.sep}`)).length).toBeGreaterThan(10);
  });

  // Each check builds a TypeScript program with the DOM's types: 5 s on an idle machine, and
  // 47 s once beside the browser tests on 2 cores.
  const PROGRAM_TIMEOUT_MS = 120_000;

  it('type-checks every block', () => {
    expect(typeCheck(blocks)).toEqual([]);
  }, PROGRAM_TIMEOUT_MS);

  it('reports an error on the lesson line where it is', () => {
    const broken: Block = { file: path.join(DOCS, 'x.mdx'), assumes: ['pc'], line: 10, code: 'pc.close();\nconst b: string = 1;\nsignal(null);' };
    expect(typeCheck([broken])).toEqual([
      expect.stringMatching(/^x\.mdx:11: Type 'number' is not assignable to type 'string'/),
      expect.stringMatching(/^x\.mdx:12: Cannot find name 'signal'/),
    ]);
  }, PROGRAM_TIMEOUT_MS);
});
