import { type Argument, DockerfileParser, type Dockerfile, Instruction } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type SplittableInstruction, splitArguments } from './split-arguments.js';

/** A half-open span of UTF-16 offsets into {@link Source.text}. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A zero-based line/character position, as dockerfile-ast and LSP use. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A one-based line/column location, as reporters print it. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** A parser directive at the top of the file (`# syntax=`, `# escape=`, `# check=`). */
export interface ParserDirective {
  readonly name: string;
  readonly value: string;
  readonly range: TextRange;
}

/** The line ending a file mostly uses, and whether it mixes them. */
export interface LineEndings {
  readonly dominant: '\n' | '\r\n';
  readonly mixed: boolean;
}

const BOM = '\uFEFF';

/**
 * The original text of one Dockerfile, kept byte-for-byte, with everything a rule or the fixer
 * needs to know about its shape. Positions from dockerfile-ast become offsets here, once.
 */
export class Source {
  /** The text exactly as given, BOM included. */
  readonly text: string;
  readonly hasBom: boolean;
  readonly lineEndings: LineEndings;
  /** The parsed tree; positions in it are relative to {@link text}. */
  readonly dockerfile: Dockerfile;
  readonly escapeChar: '\\' | '`';
  readonly directives: readonly ParserDirective[];
  private readonly document: TextDocument;

  constructor(text: string) {
    this.text = text;
    this.hasBom = text.startsWith(BOM);
    this.lineEndings = detectLineEndings(text);
    this.dockerfile = parseDockerfile(text);
    // dockerfile-ast keeps the TextDocument it parsed: sharing it computes the line offsets once, not twice.
    this.document = documentOf(this.dockerfile, text) ?? TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text);
    this.escapeChar = this.dockerfile.getEscapeCharacter() === '`' ? '`' : '\\';
    this.directives = readParserDirectives(text);
  }

  /** Offset of a zero-based dockerfile-ast position. */
  offsetAt(position: Position): number {
    return this.document.offsetAt(position);
  }

  /** Zero-based position of an offset. */
  positionAt(offset: number): Position {
    return this.document.positionAt(offset);
  }

  /** One-based line and column of an offset (columns count UTF-16 code units, like SARIF). */
  lineColumnAt(offset: number): LineColumn {
    const position = this.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  }

  /** Converts a dockerfile-ast range to offsets. */
  toRange(range: { start: Position; end: Position }): TextRange {
    return { start: this.offsetAt(range.start), end: this.offsetAt(range.end) };
  }

  /** The text of a range. */
  slice(range: TextRange): string {
    return this.text.slice(range.start, range.end);
  }

  /** Offset where the line holding `offset` starts. */
  lineStartAt(offset: number): number {
    return this.offsetAt({ line: this.positionAt(offset).line, character: 0 });
  }

  /** Offset just past the line break of the line holding `offset` (or the end of the text). */
  nextLineStartAt(offset: number): number {
    const line = this.positionAt(offset).line;
    return line + 1 >= this.document.lineCount ? this.text.length : this.offsetAt({ line: line + 1, character: 0 });
  }

  /** The line break to use when a fix inserts a new line at `offset`: the one already used there. */
  eolAt(offset: number): '\n' | '\r\n' {
    const nextBreak = this.text.indexOf('\n', offset);
    if (nextBreak > 0) return this.text[nextBreak - 1] === '\r' ? '\r\n' : '\n';
    return this.lineEndings.dominant;
  }

  /** The whitespace that starts the line holding `offset`. */
  indentAt(offset: number): string {
    const lineStart = this.lineStartAt(offset);
    const match = /^[ \t]*/.exec(this.text.slice(lineStart, lineStart + 200));
    return match ? match[0] : '';
  }
}

/** The document a dockerfile-ast parse keeps (an undocumented field), when it is there and holds `text`. */
function documentOf(dockerfile: Dockerfile, text: string): TextDocument | null {
  const document = (dockerfile as unknown as { document?: unknown }).document;
  if (typeof document !== 'object' || document === null) return null;
  const candidate = document as Partial<TextDocument>;
  if (typeof candidate.positionAt !== 'function' || typeof candidate.offsetAt !== 'function' || typeof candidate.getText !== 'function') return null;
  return candidate.getText() === text ? (candidate as TextDocument) : null;
}

/** dockerfile-ast's private argument splitter, which every argument accessor of an instruction calls. */
type RawArguments = { getRawArguments(): Argument[] };

/**
 * Parses with dockerfile-ast, splitting each instruction's arguments once. dockerfile-ast splits an
 * instruction's text again on every `getArguments()`, and its own constructors, `getFlags`,
 * `getArgumentsRange` and heredoc scan call that several times per instruction: two thirds of the parse
 * (572 corpus files: 314 ms to 96 ms for the parse plus one `getArguments()` per instruction). The split
 * depends only on the instruction's text and ranges, fixed at construction, so for this one synchronous
 * parse the prototype method keeps its first answer on each instance (a fresh array per call, as callers
 * shift flags off it); the prototype is restored at once, so other users of dockerfile-ast see no change.
 * The split itself is split-arguments.ts's: the same algorithm, without a string allocation per character.
 */
function parseDockerfile(text: string): Dockerfile {
  const prototype = Instruction.prototype as unknown as RawArguments;
  const split = prototype.getRawArguments;
  // A private method: should a dockerfile-ast upgrade rename it, parse as it comes (source.test.ts then fails).
  if (typeof split !== 'function') return DockerfileParser.parse(text);
  prototype.getRawArguments = function (this: RawArguments): Argument[] {
    const args = splitArguments(this as unknown as SplittableInstruction);
    Object.defineProperty(this, 'getRawArguments', { value: () => args.slice(), configurable: true, writable: true });
    return args.slice();
  };
  try {
    const dockerfile = DockerfileParser.parse(text);
    // The parse does not split every instruction (a FROM, the last one); the model reads them all.
    for (const node of dockerfile.getInstructions()) (node as unknown as RawArguments).getRawArguments();
    return dockerfile;
  } finally {
    prototype.getRawArguments = split;
  }
}

const DIRECTIVE_NAMES: ReadonlySet<string> = new Set(['syntax', 'escape', 'check']);

/**
 * The parser directives as BuildKit reads them: `# name=value` lines at the very top, where only
 * `syntax`, `escape` and `check` count, and the first line that is anything else (a blank line, another
 * comment, an unknown name like `# hadolint global ignore=…`, an instruction) ends them.
 */
function readParserDirectives(text: string): ParserDirective[] {
  const directives: ParserDirective[] = [];
  let offset = text.startsWith(BOM) ? 1 : 0;
  const seen = new Set<string>();
  while (offset < text.length) {
    const lineEnd = text.indexOf('\n', offset);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const line = text.slice(offset, end).replace(/\r$/, '');
    const match = /^[ \t]*#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/.exec(line);
    const name = match?.[1]?.toLowerCase();
    if (!match || !name || !DIRECTIVE_NAMES.has(name) || seen.has(name)) break;
    seen.add(name);
    directives.push({ name, value: match[2] ?? '', range: { start: offset + line.indexOf('#'), end: offset + line.length } });
    offset = end + 1;
  }
  return directives;
}

/** What a `# check=` parser directive asks of BuildKit's build checks. */
export interface CheckDirective {
  /** Check names to skip; `all` skips every (non-experimental) check. */
  readonly skip: readonly string[] | 'all';
  /** `error=true`: a check violation fails the build. */
  readonly error: boolean;
  /** Experimental checks to run; `all` runs every one. */
  readonly experimental: readonly string[] | 'all';
}

/** Reads a `check` directive's value the way BuildKit's linter.ParseLintOptions does, or says why it cannot. */
export function parseCheckDirective(value: string): CheckDirective | { problem: string } {
  // BuildKit keeps the value up to its first space (`# check=skip=A # why` is `skip=A`).
  const text = (value.trim().split(/\s/)[0] ?? '').trim();
  let skip: CheckDirective['skip'] = [];
  let error = false;
  let experimental: CheckDirective['experimental'] = [];
  if (text === '') return { skip, error, experimental };
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) return { problem: `invalid option "${part}"` };
    const key = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    const list = (): string[] => raw.split(',').map((name) => name.trim());
    if (key === 'skip') skip = raw === 'all' ? 'all' : list();
    else if (key === 'experimental') experimental = raw === 'all' ? 'all' : list();
    else if (key === 'error') {
      // Go's strconv.ParseBool.
      if (/^(1|t|T|TRUE|true|True)$/.test(raw)) error = true;
      else if (/^(0|f|F|FALSE|false|False)$/.test(raw)) error = false;
      else return { problem: `invalid boolean "${raw}" for error` };
    } else return { problem: `invalid option "${key}"` };
  }
  return { skip, error, experimental };
}

function detectLineEndings(text: string): LineEndings {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text[i - 1] === '\r') crlf++;
    else lf++;
  }
  return { dominant: crlf > lf ? '\r\n' : '\n', mixed: crlf > 0 && lf > 0 };
}
