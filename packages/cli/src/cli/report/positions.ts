import { Source } from '@dockfix/core';

/** A 1-based range; `endColumn` is exclusive (the column after the last character), as in SARIF and LSP. */
export interface LineRange {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Converts offsets of one file's text into line/column ranges; columns in UTF-16 code units or UTF-8 bytes. */
export class PositionMap {
  private readonly source: Source;

  constructor(private readonly text: string) {
    this.source = new Source(text);
  }

  /** The range of `[start, end)` with UTF-16 columns (what dockfix diagnostics and SARIF use). */
  utf16(start: number, end: number): LineRange {
    const from = this.source.lineColumnAt(start);
    const to = this.source.lineColumnAt(end);
    return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
  }

  /** The range of `[start, end)` with UTF-8 byte columns (reviewdog's rdjson counts bytes). */
  utf8(start: number, end: number): LineRange {
    const from = this.byteColumn(start);
    const to = this.byteColumn(end);
    return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
  }

  /** The whole lines `[start, end)` touches, without the final line break. */
  lines(start: number, end: number): string {
    const from = this.source.lineStartAt(start);
    const lineEnd = this.text.indexOf('\n', Math.max(end - 1, from));
    return this.text.slice(from, lineEnd === -1 ? this.text.length : lineEnd);
  }

  private byteColumn(offset: number): { line: number; column: number } {
    const { line } = this.source.lineColumnAt(offset);
    const lineStart = this.source.lineStartAt(offset);
    return { line, column: Buffer.byteLength(this.text.slice(lineStart, offset), 'utf8') + 1 };
  }
}
