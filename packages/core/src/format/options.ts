/** Where `&&` and `||` go when a command list is broken across continuation lines. */
export type OperatorPosition =
  /** Follow the file: whichever position most of its breaks already use (a tie leaves every break as written). */
  | 'auto'
  /** `foo \` + `    && bar`. */
  | 'start'
  /** `foo && \` + `    bar`. */
  | 'end'
  /** Leave every break as written. */
  | 'preserve';

/** Options of {@link format}; every one has a default. */
export interface FormatOptions {
  /** Columns per indentation level of continuation lines (default 4). */
  readonly tabWidth?: number;
  /** Indent continuation lines with tabs instead of spaces (default false). */
  readonly useTabs?: boolean;
  /**
   * Line width used to decide whether an exec-form JSON array broken over several lines fits on
   * one (default 80). Shell code is never re-wrapped.
   */
  readonly printWidth?: number;
  /** Line breaks of the output: `auto` keeps the file's (the most used one when it mixes them). Default `auto`. */
  readonly endOfLine?: 'lf' | 'crlf' | 'auto';
  /** Position of `&&`/`||` at continuation breaks (default `auto`). A `;` always follows the file's majority. */
  readonly operatorPosition?: OperatorPosition;
}

/** {@link FormatOptions} with defaults filled in and values checked. */
export interface ResolvedFormatOptions {
  readonly tabWidth: number;
  readonly useTabs: boolean;
  readonly printWidth: number;
  readonly endOfLine: 'lf' | 'crlf' | 'auto';
  readonly operatorPosition: OperatorPosition;
}

/** Fills in defaults; out-of-range numbers fall back to the default rather than throwing. */
export function resolveFormatOptions(options: FormatOptions = {}): ResolvedFormatOptions {
  const tabWidth = Number.isInteger(options.tabWidth) && (options.tabWidth as number) >= 1 && (options.tabWidth as number) <= 16 ? (options.tabWidth as number) : 4;
  const printWidth = Number.isInteger(options.printWidth) && (options.printWidth as number) >= 1 ? (options.printWidth as number) : 80;
  const endOfLine = options.endOfLine === 'lf' || options.endOfLine === 'crlf' ? options.endOfLine : 'auto';
  const position = options.operatorPosition;
  const operatorPosition = position === 'start' || position === 'end' || position === 'preserve' ? position : 'auto';
  return { tabWidth, useTabs: options.useTabs === true, printWidth, endOfLine, operatorPosition };
}
