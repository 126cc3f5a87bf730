// The Dockerfile printer: `format(text, options)`, synchronous and pure. It edits the original text
// line by line instead of re-printing a tree, so whatever it has no reason to touch stays byte for
// byte, and it proves every instruction still means the same before it returns anything.
import { DockerfileParser } from 'dockerfile-ast';
import { analyseFile, type AnalysedInstruction } from './analyse.js';
import { UncertainHeredoc } from './heredoc.js';
import { trimBlanksEnd } from './lines.js';
import { resolveFormatOptions, type FormatOptions } from './options.js';
import { printFile } from './print.js';
import { scanDockerfile, ScanError, type ScannedFile } from './scan.js';

export { resolveFormatOptions, type FormatOptions, type OperatorPosition, type ResolvedFormatOptions } from './options.js';

/** What {@link format} did. */
export interface FormatResult {
  /** The formatted text; the input itself when `changed` is false. */
  readonly output: string;
  readonly changed: boolean;
  /**
   * Why the file was left exactly as it was, when the printer could not prove a change safe
   * (BuildKit would reject the file, an unterminated heredoc, parsers that disagree…).
   */
  readonly error?: string;
  /** Instructions (1-based first lines) copied unchanged because a change could not be proven safe. */
  readonly keptLines?: readonly number[];
}

/**
 * Formats a Dockerfile: upper-case keywords, one space after the keyword, continuation lines
 * indented by level, `["a", "b"]` exec arrays, at most one blank line, a blank line between stages,
 * no trailing blanks, a final newline. Never throws, never changes what the build does: when in
 * doubt it returns the text (or the instruction) unchanged.
 */
export function format(text: string, options: FormatOptions = {}): FormatResult {
  try {
    if (typeof text !== 'string') return { output: String(text), changed: false, error: 'input is not a string' };
    return formatText(text, options);
  } catch (error) {
    return { output: text, changed: false, error: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function formatText(text: string, options: FormatOptions): FormatResult {
  const resolved = resolveFormatOptions(options);
  if (/\r(?!\n)/.test(text)) return unchanged(text, 'the file has CR line breaks without LF; BuildKit and editors disagree on its lines');
  let scanned: ScannedFile;
  try {
    scanned = scanDockerfile(text);
  } catch (error) {
    if (error instanceof ScanError || error instanceof UncertainHeredoc) return unchanged(text, error.message);
    throw error;
  }
  const disagreement = crossCheck(text, scanned);
  if (disagreement) return unchanged(text, disagreement);
  const analysed = analyseFile(scanned);

  const keep = new Set<number>();
  for (let attempt = 0; attempt < 3; attempt++) {
    const output = printFile(scanned, analysed, resolved, keep);
    const bad = output === text ? [] : verify(analysed, scanned, output);
    if (bad.length === 0) {
      const keptLines = [...keep].map((index) => (analysed[index] as AnalysedInstruction).scanned.firstLine + 1);
      return { output, changed: output !== text, ...(keptLines.length > 0 ? { keptLines } : {}) };
    }
    if (bad.includes(-1)) {
      for (const instruction of analysed) keep.add(instruction.scanned.index);
    } else {
      for (const index of bad) keep.add(index);
    }
  }
  return unchanged(text, 'the formatted text did not read back as the same instructions; left unchanged');
}

function unchanged(text: string, error: string): FormatResult {
  return { output: text, changed: false, error };
}

/**
 * Instructions whose meaning differs between input and output (-1: the structure itself differs).
 */
function verify(analysed: readonly AnalysedInstruction[], scanned: ScannedFile, output: string): number[] {
  let rescanned: ScannedFile;
  try {
    rescanned = scanDockerfile(output);
  } catch {
    return [-1];
  }
  if (rescanned.instructions.length !== analysed.length || rescanned.escapeChar !== scanned.escapeChar || rescanned.directiveCount !== scanned.directiveCount) return [-1];
  if (commentLines(scanned).join('\n') !== commentLines(rescanned).join('\n')) return [-1];
  const after = analyseFile(rescanned);
  const bad: number[] = [];
  for (const [index, instruction] of analysed.entries()) {
    const other = after[index] as AnalysedInstruction;
    // Same keyword, same logical line, same heredocs, same reading mode: nothing to prove.
    if (other.mode === instruction.mode && sameHeredocs(other, instruction) && sameLine(other, instruction)) continue;
    if (other.fingerprint !== instruction.fingerprint) bad.push(index);
  }
  return bad;
}

/** Same logical line, or one that differs only in the keyword's case and the blanks after it. */
function sameLine(a: AnalysedInstruction, b: AnalysedInstruction): boolean {
  const left = a.scanned;
  const right = b.scanned;
  if (left.joined === right.joined) return true;
  return left.command.toUpperCase() === right.command.toUpperCase() && left.joined.length - left.argsStart === right.joined.length - right.argsStart && left.joined.endsWith(right.joined.slice(right.argsStart));
}

function sameHeredocs(a: AnalysedInstruction, b: AnalysedInstruction): boolean {
  const left = a.scanned.heredocs;
  const right = b.scanned.heredocs;
  return left.length === right.length && left.every((heredoc, index) => heredoc.content === right[index]?.content && heredoc.name === right[index]?.name && heredoc.chomp === right[index]?.chomp);
}

/** Every comment and directive line (continuation comments included), without trailing blanks. */
function commentLines(file: ScannedFile): string[] {
  const comments: string[] = [];
  for (const [index, role] of file.roles.entries()) {
    if (role !== 'comment' && role !== 'directive' && role !== 'continuation-comment') continue;
    const line = file.lines[index];
    if (line) comments.push(file.text.slice(line.start, trimBlanksEnd(file.text, line.start, line.end)));
  }
  return comments;
}

/**
 * Compares the scan with dockerfile-ast's parse (what editors and dockfix's rules see). Where the
 * two disagree on where instructions, heredocs or the escape character are, one of them misreads
 * the file, and the printer does not touch it.
 */
function crossCheck(text: string, scanned: ScannedFile): string | null {
  const dockerfile = DockerfileParser.parse(text);
  if (dockerfile.getEscapeCharacter() !== scanned.escapeChar) return 'the escape directive is read differently by BuildKit and dockerfile-ast';
  const instructions = dockerfile.getInstructions();
  if (instructions.length !== scanned.instructions.length) {
    return `BuildKit's reading has ${scanned.instructions.length} instructions where dockerfile-ast has ${instructions.length}`;
  }
  for (const [index, instruction] of instructions.entries()) {
    const mine = scanned.instructions[index];
    if (!mine) return 'instruction count mismatch';
    const range = instruction.getRange();
    if (range.start.line !== mine.firstLine) return `line ${mine.firstLine + 1}: instructions start on different lines for BuildKit and dockerfile-ast`;
    if (instruction.getKeyword() !== mine.command.toUpperCase()) return `line ${mine.firstLine + 1}: the instruction keyword is read differently by BuildKit and dockerfile-ast`;
    // dockerfile-ast only looks for heredocs in arguments starting with `<<`; asking costs a re-split of the arguments.
    const firstLine = scanned.lines[mine.firstLine];
    const lastLine = scanned.lines[mine.lastLine];
    if (mine.heredocs.length === 0 && firstLine && lastLine && !text.slice(firstLine.start, lastLine.end).includes('<<')) continue;
    let heredocs: { getDelimiterRange(): { start: { line: number } } | null }[];
    try {
      heredocs = (instruction as unknown as { getHeredocs?: () => typeof heredocs }).getHeredocs?.() ?? [];
    } catch {
      return `line ${mine.firstLine + 1}: dockerfile-ast cannot read the heredocs`;
    }
    if (heredocs.length !== mine.heredocs.length) return `line ${mine.firstLine + 1}: heredocs are read differently by BuildKit and dockerfile-ast`;
    for (const [h, heredoc] of heredocs.entries()) {
      const delimiter = heredoc.getDelimiterRange();
      if (!delimiter || delimiter.start.line !== mine.heredocs[h]?.endLine) return `line ${mine.firstLine + 1}: heredoc ends are read differently by BuildKit and dockerfile-ast`;
    }
  }
  return null;
}
