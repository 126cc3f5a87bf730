// What the printer may do inside each instruction: how its arguments are read (shell, words, JSON,
// or verbatim text whose every blank is data) and what it means, as a fingerprint that a
// re-scan of the output must reproduce.
import { KEYWORDS } from '../model.js';
import { fingerprint, lexJoined, type Lexed, type LexMode } from './lexer.js';
import { isGoSpace, skipGoSpace } from './lines.js';
import { skipBuilderFlags, type ScannedFile, type ScannedInstruction } from './scan.js';

const KNOWN: ReadonlySet<string> = new Set(KEYWORDS);
const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
const WINDOWS_IMAGE = /(^|\/)(windows|nanoserver|servercore|windowsservercore)(\/|:|@|$)|mcr\.microsoft\.com\/windows/i;

/** How the printer treats one instruction. */
export interface AnalysedInstruction {
  readonly scanned: ScannedInstruction;
  /** Upper-case keyword, or null for an unknown instruction (kept byte for byte). */
  readonly keyword: string | null;
  /** How blanks in the arguments are read; `verbatim` when every blank is data or unknown. */
  readonly mode: LexMode | 'verbatim';
  readonly lexed: Lexed;
  /** Where the JSON array starts in the joined line (exec form), or -1. */
  readonly jsonStart: number;
  /** True when continuation lines may be re-indented and operators moved (no heredocs, a mode we follow). */
  readonly reflow: boolean;
  /** What BuildKit reads from the instruction; equal fingerprints build the same. */
  readonly fingerprint: string;
}

/** Lexing is the costly part and most instructions never need it: both the lexed line and the fingerprint are computed on first use. */
class Analysed implements AnalysedInstruction {
  private lexedValue: Lexed | null = null;
  private fingerprintValue: string | null = null;

  constructor(
    readonly scanned: ScannedInstruction,
    readonly keyword: string | null,
    readonly mode: LexMode | 'verbatim',
    readonly jsonStart: number,
    readonly reflow: boolean,
    private readonly escapeChar: string,
  ) {}

  get lexed(): Lexed {
    if (!this.lexedValue) {
      const modes: { start: number; mode: LexMode }[] = [{ start: 0, mode: 'words' }];
      if (this.mode === 'shell') modes.push({ start: this.scanned.bodyStart, mode: 'shell' });
      if (this.jsonStart >= 0) modes.push({ start: this.jsonStart, mode: 'json' });
      this.lexedValue = lexJoined(this.scanned.joined, modes, this.escapeChar);
    }
    return this.lexedValue;
  }

  get fingerprint(): string {
    this.fingerprintValue ??= fingerprintOf(this.scanned, this.keyword, this.mode, this.lexed, this.jsonStart);
    return this.fingerprintValue;
  }
}

/** Analyses every instruction of a scanned file, in order (SHELL and stages matter for later ones). */
export function analyseFile(file: ScannedFile): AnalysedInstruction[] {
  let posix = file.escapeChar === '\\';
  const stagePosix = new Map<string, boolean>();
  let stageName: string | null = null;
  const result: AnalysedInstruction[] = [];
  for (const scanned of file.instructions) {
    const upper = scanned.command.toUpperCase();
    const keyword = KNOWN.has(upper) ? upper : null;
    if (keyword === 'FROM') {
      const words = wordsOf(scanned.joined.slice(scanned.bodyStart));
      const image = words[0] ?? '';
      stageName = words.length >= 3 && words[1]?.toLowerCase() === 'as' ? (words[2] ?? '').toLowerCase() : null;
      posix = file.escapeChar === '\\' && (stagePosix.get(image.toLowerCase()) ?? !WINDOWS_IMAGE.test(image));
      if (stageName) stagePosix.set(stageName, posix);
    }
    const jsonExec = scanned.json?.kind === 'exec';
    if (keyword === 'SHELL' && scanned.json?.kind === 'exec') {
      const executable = scanned.json.values[0]?.split(/[\\/]/).at(-1)?.toLowerCase().replace(/\.exe$/, '') ?? '';
      posix = POSIX_SHELLS.has(executable) && file.escapeChar === '\\';
      if (stageName) stagePosix.set(stageName, posix);
    }
    const jsonStart = jsonExec ? skipGoSpace(scanned.joined, scanned.bodyStart, scanned.joined.length) : -1;
    const mode = modeOf(keyword, scanned, jsonExec, posix, file.escapeChar);
    // Text after an exec-form array is ignored by today's BuildKit; not ours to touch.
    const trailingText = scanned.json?.kind === 'exec' && scanned.json.tokens === null;
    const reflow = keyword !== null && mode !== 'verbatim' && scanned.heredocs.length === 0 && !trailingText;
    result.push(new Analysed(scanned, keyword, mode, jsonStart, reflow, file.escapeChar));
  }
  return result;
}

function modeOf(keyword: string | null, scanned: ScannedInstruction, jsonExec: boolean, posix: boolean, escapeChar: string): LexMode | 'verbatim' {
  switch (keyword) {
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
      if (jsonExec) return 'json';
      return posix ? 'shell' : 'verbatim';
    case 'HEALTHCHECK': {
      // `HEALTHCHECK [flags] CMD <command>` (bodyStart points at the command) or `HEALTHCHECK NONE`.
      const typeStart = skipBuilderFlags(scanned.joined, scanned.argsStart, escapeChar);
      const isCmd = /^cmd(?:[\t\v\f\r ]|$)/i.test(scanned.joined.slice(typeStart)) && scanned.bodyStart > typeStart;
      if (!isCmd) return 'words';
      if (jsonExec) return 'json';
      return posix ? 'shell' : 'verbatim';
    }
    case 'SHELL':
      return jsonExec ? 'json' : 'verbatim';
    case 'COPY':
    case 'ADD':
    case 'VOLUME':
      return jsonExec ? 'json' : 'words';
    case 'FROM':
    case 'EXPOSE':
    case 'ARG':
      return 'words';
    case 'ENV':
    case 'LABEL':
      return isLegacyNameValue(scanned.joined, scanned.argsStart, escapeChar) ? 'verbatim' : 'words';
    default:
      // MAINTAINER, USER, WORKDIR, STOPSIGNAL take the rest of the line as one string; ONBUILD and
      // unknown instructions are not ours to read.
      return 'verbatim';
  }
}

/**
 * `ENV key value` (legacy form: the value is everything after the key, blanks included) versus
 * `ENV key=value …`: BuildKit decides on whether the first word contains `=`.
 */
function isLegacyNameValue(joined: string, argsStart: number, escapeChar: string): boolean {
  let quote = '';
  for (let i = argsStart; i < joined.length; i++) {
    const char = joined[i] as string;
    if (quote) {
      if (char === quote) quote = '';
      else if (char === escapeChar && quote !== "'") i++;
      continue;
    }
    if (char === escapeChar) {
      i++;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '=') return false;
    else if (isGoSpace(joined.charCodeAt(i))) return true;
  }
  return true;
}

function wordsOf(text: string): string[] {
  return text.split(/[\t\v\f\r ]+/).filter((word) => word !== '' && !word.startsWith('--'));
}

function fingerprintOf(scanned: ScannedInstruction, keyword: string | null, mode: LexMode | 'verbatim', lexed: Lexed, jsonStart: number): string {
  const heredocs = scanned.heredocs.map((heredoc) => `\u0000${heredoc.chomp ? '-' : ''}${heredoc.name}\u0000${heredoc.content}`).join('');
  if (keyword === null) return `?${scanned.joined}${heredocs}`;
  let args: string;
  if (jsonStart >= 0 && scanned.json?.kind === 'exec') {
    args = `${fingerprint(scanned.joined.slice(0, jsonStart), lexed, scanned.argsStart, 'words')}\u0000${JSON.stringify(scanned.json.values)}`;
  } else if (mode === 'verbatim') {
    args = fingerprint(scanned.joined, lexed, scanned.argsStart, 'verbatim');
    if (keyword === 'ONBUILD') args = args.replace(/^\S+/, (word) => (KNOWN.has(word.toUpperCase()) ? word.toUpperCase() : word));
  } else {
    args = fingerprint(scanned.joined, lexed, scanned.argsStart, mode === 'json' ? 'words' : mode);
    if (keyword === 'FROM') args = args.replace(/^((?:--\S+ )*\S+ )as( \S+)$/i, '$1AS$2');
  }
  return `${keyword}\u0000${args}${heredocs}`;
}
