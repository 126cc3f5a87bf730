// The printer's view of a Dockerfile: which physical line is a directive, a comment, a blank line,
// part of an instruction (first line, continuation, comment or empty line inside a continuation),
// or part of a heredoc. It follows BuildKit's parser (frontend/dockerfile/parser) line for line,
// because "never change what the build does" means "never change what BuildKit reads".
import { heredocsFromLine, type HeredocMarker } from './heredoc.js';
import { readJsonForm, type JsonForm } from './json.js';
import { isGoSpace, skipGoSpace, splitLines, trimBlanksEnd, type PhysicalLine } from './lines.js';

/** What a physical line is. */
export type LineRole =
  | 'directive'
  | 'comment'
  | 'blank'
  | 'instruction'
  | 'continuation'
  | 'continuation-comment'
  | 'continuation-empty'
  | 'heredoc-body'
  | 'heredoc-end';

/** A piece of an instruction's joined line: BuildKit concatenates these, in order. */
export interface Segment {
  /** Physical line index. */
  readonly line: number;
  /** Offsets into the text; for the first line `start` is where the keyword starts. */
  readonly start: number;
  readonly end: number;
  /** Where this segment starts in {@link ScannedInstruction.joined}. */
  readonly joinedStart: number;
  /** True when the line ends with the escape character (a continuation). */
  readonly continued: boolean;
  /** Offset of the continuation escape character, or -1. */
  readonly escapeAt: number;
}

/** A heredoc attached to an instruction. */
export interface ScannedHeredoc extends HeredocMarker {
  /** First body line (equals `endLine` for an empty body). */
  readonly bodyStart: number;
  /** Line holding the terminator. */
  readonly endLine: number;
  /** The body exactly as BuildKit reads it (line breaks included). */
  readonly content: string;
}

/** One instruction, with every physical line it covers. */
export interface ScannedInstruction {
  /** Index of this instruction in the file. */
  readonly index: number;
  readonly firstLine: number;
  /** Last line of the instruction proper (before any heredoc body). */
  readonly lastLine: number;
  /** Last line including heredocs. */
  readonly endLine: number;
  readonly segments: readonly Segment[];
  /** The logical line BuildKit parses (continuations removed, comments and empty lines dropped). */
  readonly joined: string;
  /** The command word as written, e.g. `run`. */
  readonly command: string;
  /** Offsets of the command word in the text, when it lies on the first line. */
  readonly commandStart: number;
  readonly commandEnd: number;
  /** Where the arguments start in `joined` (after the command and whitespace). */
  readonly argsStart: number;
  /** Where the arguments after `--flags` start in `joined`. */
  readonly bodyStart: number;
  /** How the body reads as JSON (exec form), for instructions that accept it. */
  readonly json: JsonForm | null;
  readonly heredocs: readonly ScannedHeredoc[];
}

/** The whole file. */
export interface ScannedFile {
  readonly text: string;
  readonly bom: boolean;
  readonly lines: readonly PhysicalLine[];
  readonly roles: readonly LineRole[];
  /** For each line, the instruction it belongs to (-1 for none). */
  readonly owner: readonly number[];
  readonly instructions: readonly ScannedInstruction[];
  readonly escapeChar: '\\' | '`';
  readonly directiveCount: number;
}

/** Thrown when BuildKit would refuse the file (or we cannot tell what it would do). */
export class ScanError extends Error {
  override readonly name = 'ScanError';
}

const DIRECTIVE = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_COMMANDS = new Set(['add', 'copy', 'run']);
const JSON_COMMANDS = new Set(['add', 'copy', 'volume', 'cmd', 'entrypoint', 'run', 'shell']);
/** BuildKit's `reWhitespace`, which separates the command from its arguments. */
const COMMAND_SPACE = new Set([9, 11, 12, 13, 32]);

/** Reads the structure of a Dockerfile. Throws {@link ScanError} when BuildKit would reject it. */
export function scanDockerfile(text: string): ScannedFile {
  const bom = text.charCodeAt(0) === 0xfeff;
  const lines = splitLines(text, bom ? 1 : 0);
  const roles: LineRole[] = new Array<LineRole>(lines.length);
  const owner: number[] = new Array<number>(lines.length).fill(-1);
  const instructions: ScannedInstruction[] = [];
  let escapeChar: '\\' | '`' = '\\';
  let directivesDone = false;
  let directiveCount = 0;
  const seenDirectives = new Set<string>();

  /** BuildKit's `trimNewline`: a line's content without trailing CR/LF characters. */
  const contentEnd = (line: PhysicalLine): number => {
    let end = line.end;
    while (end > line.start && text.charCodeAt(end - 1) === 13) end--;
    return end;
  };

  const parseDirective = (start: number, end: number): boolean => {
    if (directivesDone) return false;
    const match = DIRECTIVE.exec(text.slice(start, end));
    const name = match?.[1]?.toLowerCase();
    if (!match || !name || !KNOWN_DIRECTIVES.has(name)) {
      directivesDone = true;
      return false;
    }
    if (seenDirectives.has(name)) throw new ScanError(`only one ${name} parser directive can be used`);
    seenDirectives.add(name);
    if (name === 'escape') {
      const value = match[2];
      if (value !== '\\' && value !== '`') throw new ScanError(`invalid escape token '${value}' does not match \` or \\`);
      escapeChar = value;
    }
    return true;
  };

  /** BuildKit's `trimContinuationCharacter`: where the escape sits, or -1 when the line does not continue. */
  const continuationEscape = (start: number, end: number): number => {
    const last = trimBlanksEnd(text, start, end);
    if (last === start || text[last - 1] !== escapeChar) return -1;
    if (last - 1 > start && text[last - 2] === escapeChar) return -1;
    return last - 1;
  };

  const isCommentAt = (start: number, end: number): boolean => {
    const first = skipGoSpace(text, start, end);
    return first < end && text[first] === '#';
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as PhysicalLine;
    const end = contentEnd(line);
    const start = skipGoSpace(text, line.start, end);
    const directive = parseDirective(start, end);
    if (start < end && text[start] === '#') {
      roles[i] = directive ? 'directive' : 'comment';
      if (directive) directiveCount++;
      i++;
      continue;
    }
    if (start === end) {
      roles[i] = 'blank';
      i++;
      continue;
    }

    // An instruction: join continuation lines the way BuildKit does.
    const index = instructions.length;
    const segments: Segment[] = [];
    let joined = '';
    const pushSegment = (lineIndex: number, segStart: number, segEnd: number, escapeAt: number) => {
      const segmentEnd = escapeAt === -1 ? segEnd : escapeAt;
      segments.push({ line: lineIndex, start: segStart, end: segmentEnd, joinedStart: joined.length, continued: escapeAt !== -1, escapeAt });
      joined += text.slice(segStart, segmentEnd);
    };
    const firstEscape = continuationEscape(start, end);
    roles[i] = 'instruction';
    owner[i] = index;
    pushSegment(i, start, end, firstEscape);
    let continued = firstEscape !== -1;
    let last = i;
    let j = i + 1;
    while (continued && j < lines.length) {
      const next = lines[j] as PhysicalLine;
      const nextEnd = contentEnd(next);
      owner[j] = index;
      last = j;
      if (isCommentAt(next.start, nextEnd)) {
        roles[j] = 'continuation-comment';
      } else if (skipGoSpace(text, next.start, nextEnd) === nextEnd) {
        roles[j] = 'continuation-empty';
      } else {
        roles[j] = 'continuation';
        const escapeAt = continuationEscape(next.start, nextEnd);
        pushSegment(j, next.start, nextEnd, escapeAt);
        continued = escapeAt !== -1;
      }
      j++;
    }

    // splitCommand: the command is the first run of non-whitespace of the trimmed line.
    let commandEndInJoined = 0;
    while (commandEndInJoined < joined.length && !COMMAND_SPACE.has(joined.charCodeAt(commandEndInJoined))) commandEndInJoined++;
    const command = joined.slice(0, commandEndInJoined);
    const argsStart = skipGoSpace(joined, commandEndInJoined, joined.length);
    const firstSegment = segments[0] as Segment;
    const commandOnFirstLine = commandEndInJoined <= firstSegment.end - firstSegment.start;
    const lowerCommand = command.toLowerCase();
    let bodyStart = skipBuilderFlags(joined, argsStart, escapeChar);
    let json: JsonForm | null = null;
    let heredocCommand = lowerCommand;
    let heredocBodyStart = bodyStart;
    if (lowerCommand === 'onbuild') {
      // ONBUILD's argument is a whole instruction of its own.
      let subEnd = bodyStart;
      while (subEnd < joined.length && !COMMAND_SPACE.has(joined.charCodeAt(subEnd))) subEnd++;
      heredocCommand = joined.slice(bodyStart, subEnd).toLowerCase();
      heredocBodyStart = skipBuilderFlags(joined, skipGoSpace(joined, subEnd, joined.length), escapeChar);
    }
    if (JSON_COMMANDS.has(lowerCommand)) json = jsonAt(joined, bodyStart);
    if (lowerCommand === 'healthcheck') {
      let typeEnd = bodyStart;
      while (typeEnd < joined.length && !isGoSpace(joined.charCodeAt(typeEnd))) typeEnd++;
      const cmdStart = skipGoSpace(joined, typeEnd, joined.length);
      if (typeEnd > bodyStart && cmdStart < joined.length) {
        json = jsonAt(joined, cmdStart);
        bodyStart = cmdStart;
      }
    }
    const subJson = lowerCommand === 'onbuild' && JSON_COMMANDS.has(heredocCommand) ? jsonAt(joined, heredocBodyStart) : json;
    if (json?.kind === 'invalid' || subJson?.kind === 'invalid') {
      throw new ScanError(`line ${i + 1}: when using JSON array syntax, arrays must be comprised of strings only`);
    }

    const heredocs: ScannedHeredoc[] = [];
    if (HEREDOC_COMMANDS.has(heredocCommand) && subJson?.kind !== 'exec' && joined.includes('<<')) {
      for (const marker of heredocsFromLine(joined)) {
        const bodyStartLine = j;
        let content = '';
        let terminated = false;
        while (j < lines.length) {
          const bodyLine = lines[j] as PhysicalLine;
          owner[j] = index;
          let candidateStart = bodyLine.start;
          const candidateEnd = contentEnd(bodyLine);
          if (marker.chomp) while (candidateStart < candidateEnd && text[candidateStart] === '\t') candidateStart++;
          if (text.slice(candidateStart, candidateEnd) === marker.name) {
            roles[j] = 'heredoc-end';
            terminated = true;
            j++;
            break;
          }
          roles[j] = 'heredoc-body';
          content += text.slice(bodyLine.start, bodyLine.end) + bodyLine.eol;
          j++;
        }
        if (!terminated) throw new ScanError(`line ${i + 1}: unterminated heredoc <<${marker.name}`);
        heredocs.push({ ...marker, bodyStart: bodyStartLine, endLine: j - 1, content });
      }
    }

    instructions.push({
      index,
      firstLine: i,
      lastLine: last,
      endLine: j - 1,
      segments,
      joined,
      command,
      commandStart: commandOnFirstLine ? start : -1,
      commandEnd: commandOnFirstLine ? start + commandEndInJoined : -1,
      argsStart,
      bodyStart,
      json,
      heredocs,
    });
    i = j;
  }
  return { text, bom, lines, roles, owner, instructions, escapeChar, directiveCount };
}

function jsonAt(joined: string, start: number): JsonForm {
  const from = skipGoSpace(joined, start, joined.length);
  let end = joined.length;
  while (end > from && isGoSpace(joined.charCodeAt(end - 1))) end--;
  return readJsonForm(joined, from, end);
}

/**
 * BuildKit's `extractBuilderFlags`: skips leading `--name=value` words (quotes allowed inside) and
 * returns where the remaining arguments start.
 */
export function skipBuilderFlags(joined: string, from: number, escapeChar: string): number {
  let pos = skipGoSpace(joined, from, joined.length);
  for (;;) {
    if (joined[pos] !== '-' || joined[pos + 1] !== '-') return pos;
    let wordEnd = pos;
    let quote = '';
    while (wordEnd < joined.length) {
      const char = joined[wordEnd] as string;
      if (quote) {
        if (char === quote) quote = '';
        else if (char === escapeChar) wordEnd++;
      } else if (isGoSpace(joined.charCodeAt(wordEnd))) {
        break;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (char === escapeChar) {
        wordEnd++;
      }
      wordEnd++;
    }
    const word = joined.slice(pos, wordEnd);
    pos = skipGoSpace(joined, wordEnd, joined.length);
    if (word === '--') return pos;
  }
}
