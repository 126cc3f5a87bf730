import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';

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
    this.document = TextDocument.create('file:///Dockerfile', 'dockerfile', 0, text);
    this.dockerfile = DockerfileParser.parse(text);
    this.escapeChar = this.dockerfile.getEscapeCharacter() === '`' ? '`' : '\\';
    this.directives = this.dockerfile.getDirectives().map((directive) => ({
      name: directive.getName().toLowerCase(),
      value: directive.getValue(),
      range: this.toRange(directive.getRange()),
    }));
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

function detectLineEndings(text: string): LineEndings {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text[i - 1] === '\r') crlf++;
    else lf++;
  }
  return { dominant: crlf > lf ? '\r\n' : '\n', mixed: crlf > 0 && lf > 0 };
}
