// Renders a scanned file line by line. Lines the printer has no reason to change are copied as
// they are; the rest are rebuilt from their original text with small, local edits.
import { CharClass, type Lexed } from './lexer.js';
import { indentWidth, trimBlanksEnd, withoutTrailingBlanks, type PhysicalLine } from './lines.js';
import type { AnalysedInstruction } from './analyse.js';
import { printJsonArray, type JsonToken } from './json.js';
import type { ResolvedFormatOptions } from './options.js';
import type { ScannedFile, Segment } from './scan.js';

/** One output line of an instruction, before it is rendered. */
interface LineOut {
  readonly line: number;
  /** Copy the original content untouched (comments, unknown instructions, heredoc bodies). */
  readonly verbatim: boolean;
  /** Dropped from the output (an empty continuation line, or a line merged into the previous one). */
  drop: boolean;
  indent: string;
  /** Columns of the original indentation, for re-indenting by level. */
  readonly width: number;
  /** May the indentation be replaced (the join before it is outside quotes)? */
  reindent: boolean;
  body: string;
  /** Blanks between the body and the continuation escape, as written. */
  gap: string;
  gapChanged: boolean;
  continued: boolean;
  /** The segment this line holds, for continuation and first lines. */
  readonly segment: Segment | null;
  /** Keep the line's own line break (heredoc bodies: their breaks are part of the data). */
  readonly keepEol: boolean;
  /** The file's escape character, written after the gap of a continued line. */
  readonly escape: string;
}

type Operator = '&&' | '||' | ';';

/** An operator at a continuation break, found before any edit. */
interface Break {
  readonly previous: LineOut;
  readonly next: LineOut;
  readonly operator: Operator;
  readonly at: 'start' | 'end';
}

/** Renders the file. Instructions whose index is in `keepAsIs` are copied unchanged. */
export function printFile(file: ScannedFile, analysed: readonly AnalysedInstruction[], options: ResolvedFormatOptions, keepAsIs: ReadonlySet<number>): string {
  const { text, lines, roles } = file;
  const eol = options.endOfLine === 'lf' ? '\n' : options.endOfLine === 'crlf' ? '\r\n' : dominantEol(lines);
  const unit = options.useTabs ? '\t' : ' '.repeat(options.tabWidth);

  // Build every instruction's lines first: operator positions follow the whole file's majority.
  const built = analysed.map((instruction) => buildInstruction(file, instruction, keepAsIs.has(instruction.scanned.index), options));
  const breaks = built.flatMap((entry) => entry.breaks);
  moveOperators(breaks, ['&&', '||'], options.operatorPosition);
  moveOperators(breaks, [';'], options.operatorPosition === 'preserve' ? 'preserve' : 'auto');
  for (const entry of built) reindent(entry.lines, unit);

  let out = file.bom ? '\uFEFF' : '';
  let pendingBlanks = 0;
  let emittedAny = false;
  let seenFrom = false;
  let i = 0;
  const emitBlanks = (forced: number | null, nextLine: number) => {
    let count = forced ?? Math.min(pendingBlanks, 1);
    // A comment that looks like a parser directive must stay separated from the top of the file
    // by the blank line that kept it from being one.
    if (!emittedAny) count = pendingBlanks > 0 && looksLikeDirective(text, lines[nextLine] as PhysicalLine) ? 1 : 0;
    out += eol.repeat(count);
    pendingBlanks = 0;
  };
  while (i < lines.length) {
    const role = roles[i];
    if (role === 'blank') {
      pendingBlanks++;
      i++;
      continue;
    }
    if (role === 'comment' || role === 'directive') {
      // A comment block directly above a FROM belongs to that FROM's stage.
      const blockStart = i;
      let j = i;
      while (j < lines.length && roles[j] === 'comment') j++;
      const startsStage = role === 'comment' && seenFrom && j < lines.length && roles[j] === 'instruction' && analysed[file.owner[j] as number]?.keyword === 'FROM';
      emitBlanks(startsStage ? 1 : null, blockStart);
      for (let k = blockStart; k < (role === 'comment' ? j : i + 1); k++) {
        const comment = lines[k] as PhysicalLine;
        out += text.slice(comment.start, trimBlanksEnd(text, comment.start, comment.end)) + eol;
      }
      emittedAny = true;
      i = role === 'comment' ? j : i + 1;
      if (startsStage) {
        // The FROM itself follows with no blank line.
        const owner = file.owner[i] as number;
        out += renderInstruction(built[owner] as BuiltInstruction, eol);
        seenFrom = true;
        i = (analysed[owner] as AnalysedInstruction).scanned.endLine + 1;
      }
      continue;
    }
    // An instruction (role 'instruction'; its other lines are consumed with it).
    const owner = file.owner[i] as number;
    const instruction = analysed[owner] as AnalysedInstruction;
    const isFrom = instruction.keyword === 'FROM';
    emitBlanks(isFrom && seenFrom ? 1 : null, i);
    if (isFrom) seenFrom = true;
    out += renderInstruction(built[owner] as BuiltInstruction, eol);
    emittedAny = true;
    i = instruction.scanned.endLine + 1;
  }
  // A file ending in a continuation escape without a line break: dockerfile-ast (and so editors)
  // read the escape as text there, so adding the final newline would change their reading.
  const lastLine = lines.at(-1);
  if (lastLine && lastLine.eol === '' && out.endsWith(file.escapeChar + eol)) out = out.slice(0, -eol.length);
  return out;
}

interface BuiltInstruction {
  readonly lines: LineOut[];
  readonly breaks: Break[];
}

function renderInstruction(built: BuiltInstruction, eol: string): string {
  let out = '';
  for (const line of built.lines) {
    if (line.drop) continue;
    out += renderLine(line) + (line.keepEol ? '' : eol);
  }
  return out;
}

function renderLine(line: LineOut): string {
  if (line.verbatim) return line.body;
  let out = line.indent + line.body;
  if (line.continued) out += (line.gapChanged ? (line.body === '' ? '' : ' ') : line.gap) + line.escape;
  return out;
}

/** Builds the output lines of one instruction, with keyword, JSON and FROM … AS edits applied. */
function buildInstruction(file: ScannedFile, analysed: AnalysedInstruction, keepAsIs: boolean, options: ResolvedFormatOptions): BuiltInstruction {
  const { text, lines, roles } = file;
  const { scanned } = analysed;
  const escape = file.escapeChar;
  const out: LineOut[] = [];
  const verbatimLine = (index: number, keepTrailing: boolean, keepEol: boolean): LineOut => {
    const line = lines[index] as PhysicalLine;
    const end = keepTrailing ? line.end : trimBlanksEnd(text, line.start, line.end);
    return { line: index, verbatim: true, drop: false, indent: '', width: 0, reindent: false, body: text.slice(line.start, end) + (keepEol ? line.eol : ''), gap: '', gapChanged: false, continued: false, segment: null, keepEol, escape };
  };

  const untouched = keepAsIs || analysed.keyword === null;
  const segmentByLine = new Map<number, number>(scanned.segments.map((segment, index) => [segment.line, index]));
  for (let index = scanned.firstLine; index <= scanned.lastLine; index++) {
    const role = roles[index];
    if (untouched) {
      out.push(verbatimLine(index, true, false));
      continue;
    }
    if (role === 'continuation-comment') {
      out.push(verbatimLine(index, false, false));
      continue;
    }
    if (role === 'continuation-empty') {
      out.push({ ...verbatimLine(index, false, false), drop: true });
      continue;
    }
    const segmentIndex = segmentByLine.get(index) as number;
    const segment = scanned.segments[segmentIndex] as Segment;
    const line = lines[index] as PhysicalLine;
    const first = index === scanned.firstLine;
    let indentEnd = line.start;
    while (indentEnd < segment.end && (text[indentEnd] === ' ' || text[indentEnd] === '\t')) indentEnd++;
    if (first) indentEnd = segment.start;
    const bodyEnd = segment.continued ? trimBlanksEnd(text, indentEnd, segment.escapeAt) : trimBlanksEnd(text, indentEnd, segment.end);
    const indent = text.slice(line.start, indentEnd);
    const joinedAt = segment.joinedStart + (indentEnd - segment.start);
    out.push({
      line: index,
      verbatim: false,
      drop: false,
      indent: first ? '' : indent,
      width: indentWidth(indent, options.tabWidth),
      reindent: !first && analysed.reflow && reindentable(analysed, segment, indent !== '', joinedAt),
      body: text.slice(indentEnd, bodyEnd),
      gap: segment.continued ? text.slice(bodyEnd, segment.escapeAt) : '',
      gapChanged: false,
      continued: segment.continued,
      segment,
      keepEol: false,
      escape: segment.continued && joinsMidWord(text, segment, scanned.segments[segmentIndex + 1]) ? text.slice(segment.escapeAt, line.end) : escape,
    });
  }
  for (const heredoc of scanned.heredocs) {
    for (let index = heredoc.bodyStart; index < heredoc.endLine; index++) out.push(verbatimLine(index, true, true));
    out.push(verbatimLine(heredoc.endLine, true, false));
  }
  if (untouched) return { lines: out, breaks: [] };

  const firstLine = out[0] as LineOut;
  applyKeyword(analysed, firstLine);
  if (analysed.keyword === 'FROM') upperCaseAs(analysed, out, text);
  if (analysed.jsonStart >= 0 && scanned.json?.kind === 'exec' && scanned.json.tokens) {
    normaliseJson(analysed, out, scanned.json.tokens, options, text, roles);
  }
  const breaks = analysed.mode === 'shell' && analysed.reflow ? findBreaks(analysed, out, roles) : [];
  return { lines: out, breaks };
}

/**
 * True when the next line continues this line's last word (`foo\` + `bar`): BuildKit reads `foobar`,
 * and dockerfile-ast is fragile there, so the line keeps its tail (escape and blanks after it) as written.
 */
function joinsMidWord(text: string, segment: Segment, next: Segment | undefined): boolean {
  if (!next) return false;
  const before = text.charCodeAt(segment.escapeAt - 1);
  const after = text.charCodeAt(next.start);
  return segment.escapeAt > segment.start && before !== 32 && before !== 9 && after !== 32 && after !== 9;
}

/** Upper-cases the keyword and leaves exactly one space between it and what follows on its line. */
function applyKeyword(analysed: AnalysedInstruction, line: LineOut): void {
  const { scanned } = analysed;
  if (scanned.commandStart < 0 || analysed.keyword === null) return;
  const commandLength = scanned.commandEnd - scanned.commandStart;
  let rest = line.body.slice(commandLength);
  const restTrimmed = rest.replace(/^[\t\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/, '');
  if (restTrimmed.length < rest.length) rest = restTrimmed === '' ? '' : ` ${restTrimmed}`;
  if (analysed.keyword === 'ONBUILD') {
    rest = rest.replace(/^ (\S+)/, (match, word: string) => (KNOWN_SUBCOMMANDS.has(word.toUpperCase()) ? ` ${word.toUpperCase()}` : match));
  }
  line.body = analysed.keyword + rest;
  if (line.continued && rest === '') line.gap = ' ';
}

const KNOWN_SUBCOMMANDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** `FROM image as name` → `FROM image AS name`, when the `as` sits on one line. */
function upperCaseAs(analysed: AnalysedInstruction, out: LineOut[], text: string): void {
  const { scanned } = analysed;
  const match = /^((?:--\S+[\t\v\f\r ]+)*\S+[\t\v\f\r ]+)(as)[\t\v\f\r ]+\S+[\t\v\f\r ]*$/i.exec(scanned.joined.slice(scanned.bodyStart));
  if (!match || match[2] === 'AS') return;
  const at = scanned.bodyStart + (match[1] as string).length;
  const target = lineAtJoined(out, at, 2);
  if (target) replaceInBody(target, at, at + 2, 'AS', text);
}

/** The output line whose body holds joined offsets `at`..`at + length` (lines with segments are in joined order). */
function lineAtJoined(out: readonly LineOut[], at: number, length: number): LineOut | null {
  const holders = segmentLines(out);
  let low = 0;
  let high = holders.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const line = holders[middle] as LineOut;
    const segment = line.segment as Segment;
    if (at < segment.joinedStart) high = middle - 1;
    else if (at >= segment.joinedStart + (segment.end - segment.start)) low = middle + 1;
    else return at + length <= segment.joinedStart + (segment.end - segment.start) ? line : null;
  }
  return null;
}

const segmentLinesCache = new WeakMap<readonly LineOut[], LineOut[]>();

/** The lines of an instruction that hold a segment, in order. */
function segmentLines(out: readonly LineOut[]): LineOut[] {
  let holders = segmentLinesCache.get(out);
  if (!holders) {
    holders = out.filter((line) => line.segment !== null && !line.verbatim);
    segmentLinesCache.set(out, holders);
  }
  return holders;
}

/** Replaces joined offsets `from`..`to` (inside the line's segment) in the line's body. */
function replaceInBody(line: LineOut, from: number, to: number, replacement: string, text: string): void {
  const segment = line.segment as Segment;
  // The body ends with the segment's text; count from the end so keyword edits at the start do not shift us.
  const segmentText = text.slice(segment.start, segment.end);
  const fromEnd = segmentText.length - (from - segment.joinedStart);
  const toEnd = segmentText.length - (to - segment.joinedStart);
  // Trailing blanks after the body were trimmed: measure them.
  const trailing = segmentText.length - trimBlanksEnd(segmentText, 0, segmentText.length);
  const start = line.body.length - (fromEnd - trailing);
  const end = line.body.length - (toEnd - trailing);
  line.body = line.body.slice(0, start) + replacement + line.body.slice(end);
}

/** Normalises an exec-form array: `["a", "b"]`, joined onto one line when it was broken and fits. */
function normaliseJson(analysed: AnalysedInstruction, out: LineOut[], tokens: readonly JsonToken[], options: ResolvedFormatOptions, text: string, roles: ScannedFile['roles']): void {
  const { joined } = analysed.scanned;
  const holders = tokens.map((token) => lineAtJoined(out, token.start, token.end - token.start));
  if (holders.some((holder) => holder === null)) return; // a string broken across lines: leave it
  const firstHolder = holders[0] as LineOut;
  const lastHolder = holders.at(-1) as LineOut;
  const canonical = printJsonArray(joined, tokens);
  if (firstHolder === lastHolder) {
    replaceInBody(firstHolder, (tokens[0] as JsonToken).start, (tokens.at(-1) as JsonToken).end, canonical, text);
    return;
  }
  const firstIndex = out.indexOf(firstHolder);
  const lastIndex = out.indexOf(lastHolder);
  const between = out.slice(firstIndex + 1, lastIndex + 1);
  const hasComments = between.some((line) => roles[line.line] === 'continuation-comment');
  const after = out.slice(lastIndex + 1).some((line) => !line.drop && line.segment !== null);
  const prefixLength = firstHolder.body.length - (joinedEndOf(firstHolder) - (tokens[0] as JsonToken).start) + trailingOf(firstHolder, text);
  const prefix = firstHolder.body.slice(0, prefixLength);
  const oneLine = firstHolder.indent + prefix + canonical;
  if (!hasComments && !after && oneLine.length <= options.printWidth) {
    firstHolder.body = prefix + canonical;
    firstHolder.continued = lastHolder.continued;
    firstHolder.gapChanged = true;
    for (const line of between) line.drop = true;
    return;
  }
  // Keep the breaks; normalise the separators on each line.
  const byLine = new Map<LineOut, JsonToken[]>();
  for (const [index, token] of tokens.entries()) {
    const holder = holders[index] as LineOut;
    const own = byLine.get(holder);
    if (own) own.push(token);
    else byLine.set(holder, [token]);
  }
  for (const [line, own] of byLine) {
    let piece = '';
    for (const [index, token] of own.entries()) {
      piece += token.kind === 'string' ? joined.slice(token.start, token.end) : token.kind;
      const next = own[index + 1];
      if (token.kind === ',' && next && next.kind !== ']') piece += ' ';
    }
    replaceInBody(line, (own[0] as JsonToken).start, (own.at(-1) as JsonToken).end, piece, text);
    if (line.continued) line.gapChanged = true;
  }
}

/** Joined offset just past the end of the line's segment. */
function joinedEndOf(line: LineOut): number {
  const segment = line.segment as Segment;
  return segment.joinedStart + (segment.end - segment.start);
}

/** Blanks trimmed from the end of the line's segment when its body was taken. */
function trailingOf(line: LineOut, text: string): number {
  const segment = line.segment as Segment;
  return segment.end - trimBlanksEnd(text, segment.start, segment.end);
}

/** May the blanks at the start of this continuation line change? */
function reindentable(analysed: AnalysedInstruction, segment: Segment, hasIndent: boolean, bodyAt: number): boolean {
  const { lexed, jsonStart } = analysed;
  const at = segment.joinedStart;
  if (lexed.safe[at] !== 1) return false;
  // The indentation itself must be plain blanks in the same context.
  for (let i = at; i < bodyAt; i++) if (lexed.classes[i] !== CharClass.Blank) return false;
  if (jsonStart >= 0 && at > jsonStart) return true;
  // Blanks must separate the two lines before and after: either the indentation or the end of the previous line.
  return hasIndent || (at > 0 && lexed.classes[at - 1] === CharClass.Blank);
}

/** Operators at the continuation breaks of a shell-form instruction. */
function findBreaks(analysed: AnalysedInstruction, out: LineOut[], roles: ScannedFile['roles']): Break[] {
  const { lexed, scanned } = analysed;
  const { joined } = scanned;
  const breaks: Break[] = [];
  let previous: LineOut | null = null;
  let commentBetween = false;
  for (const line of out) {
    if (roles[line.line] === 'continuation-comment') commentBetween = true;
    if (!line.segment || line.verbatim || line.drop) continue;
    if (previous && !commentBetween && line.reindent && lexed.safe[line.segment.joinedStart] === 1) {
      const trailing = operatorBefore(lexed, joined, joinedEndOf(previous), previous === out[0] ? scanned.bodyStart : (previous.segment as Segment).joinedStart);
      const bodyAt = line.segment.joinedStart + (line.indent.length);
      const leading = operatorAfter(lexed, joined, bodyAt, joinedEndOf(line));
      // An operator only moves between two lines that both hold code besides it.
      const nextStartsWithOperator = lexed.classes[bodyAt] === CharClass.Operator;
      const previousEnd = lastNonBlankIndex(lexed, joinedEndOf(previous));
      const previousEndsWithOperator = previousEnd >= 0 && lexed.classes[previousEnd] === CharClass.Operator;
      const previousHasCode = previous.body.trim() !== '' && (previous !== out[0] || previousEnd >= scanned.bodyStart);
      if (trailing && !leading && !nextStartsWithOperator && line.body.trim() !== '') breaks.push({ previous, next: line, operator: trailing, at: 'end' });
      else if (leading && !trailing && !previousEndsWithOperator && previousHasCode) breaks.push({ previous, next: line, operator: leading, at: 'start' });
    }
    previous = line;
    commentBetween = false;
  }
  return breaks;
}

const OPERATOR_CHARS = /[;&|<>]/;

/** `&&`, `||` or `;` ending a line's segment (with something before it on the line), or null. */
function operatorBefore(lexed: Lexed, joined: string, end: number, lineStart: number): Operator | null {
  const last = lastNonBlankIndex(lexed, end);
  if (last < 0 || lexed.classes[last] !== CharClass.Operator) return null;
  const operator = operatorEndingAt(joined, last);
  if (!operator) return null;
  const before = last - operator.length;
  if (before >= 0 && (OPERATOR_CHARS.test(joined[before] as string) || lexed.classes[before] === CharClass.Operator)) return null;
  // Something other than blanks must precede it on the same line (a lone `; \` line is a style of its own).
  const beforeText = lastNonBlankIndex(lexed, before + 1);
  if (beforeText < lineStart) return null;
  return operator;
}

/** `&&`, `||` or `;` starting a line's body (with something after it on the line), or null. */
function operatorAfter(lexed: Lexed, joined: string, start: number, end: number): Operator | null {
  if (lexed.classes[start] !== CharClass.Operator) return null;
  const operator = (['&&', '||', ';'] as const).find((candidate) => joined.startsWith(candidate, start));
  if (!operator) return null;
  const after = start + operator.length;
  if (after < joined.length && (OPERATOR_CHARS.test(joined[after] as string) || lexed.classes[after] === CharClass.Operator)) return null;
  let next = after;
  while (next < end && lexed.classes[next] === CharClass.Blank) next++;
  if (next >= end) return null;
  return operator;
}

function operatorEndingAt(joined: string, last: number): Operator | null {
  if (joined[last] === ';') return ';';
  if (joined[last] === '&' && joined[last - 1] === '&') return '&&';
  if (joined[last] === '|' && joined[last - 1] === '|') return '||';
  return null;
}

function lastNonBlankIndex(lexed: Lexed, end: number): number {
  let i = end - 1;
  while (i >= 0 && lexed.classes[i] === CharClass.Blank) i--;
  return i;
}

/** Moves the operators of `kinds` to the position most breaks already use (or the one asked for). */
function moveOperators(breaks: readonly Break[], kinds: readonly Operator[], position: ResolvedFormatOptions['operatorPosition']): void {
  if (position === 'preserve') return;
  const relevant = breaks.filter((entry) => kinds.includes(entry.operator));
  let target = position;
  if (target === 'auto') {
    const atStart = relevant.filter((entry) => entry.at === 'start').length;
    const atEnd = relevant.length - atStart;
    if (atStart === atEnd) return;
    target = atStart > atEnd ? 'start' : 'end';
  }
  for (const entry of relevant) {
    if (entry.at === target) continue;
    const { previous, next, operator } = entry;
    if (target === 'start') {
      // `foo && \` + `bar` → `foo \` + `&& bar`
      // By hand: `/[ \t]*(?:&&|\|\||;)[ \t]*$/` is quadratic on a long run of blanks.
      const body = withoutTrailingBlanks(previous.body);
      const trailing = ['&&', '||', ';'].find((op) => body.endsWith(op));
      if (trailing) previous.body = withoutTrailingBlanks(body.slice(0, -trailing.length));
      next.body = `${operator} ${next.body}`;
    } else {
      // `foo \` + `&& bar` → `foo && \` + `bar`
      next.body = next.body.slice(operator.length).replace(/^[ \t]+/, '');
      previous.body = `${withoutTrailingBlanks(previous.body)} ${operator}`;
    }
    previous.gapChanged = true;
  }
}

/** Re-indents the continuation lines that may move: the n-th distinct original depth becomes n levels. */
function reindent(lines: readonly LineOut[], unit: string): void {
  const movable = lines.filter((line) => line.reindent && !line.drop && !line.verbatim);
  const widths = [...new Set(movable.map((line) => line.width))].sort((a, b) => a - b);
  for (const line of movable) {
    const level = widths.indexOf(line.width) + 1;
    line.indent = unit.repeat(level);
  }
}

function dominantEol(lines: readonly PhysicalLine[]): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (const line of lines) {
    if (line.eol === '\r\n') crlf++;
    else if (line.eol === '\n') lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

const DIRECTIVE_LIKE = /^[ \t]*#[\t\n\f\r ]*[a-zA-Z][a-zA-Z0-9]*[\t\n\f\r ]*=/;

function looksLikeDirective(text: string, line: PhysicalLine): boolean {
  return DIRECTIVE_LIKE.test(text.slice(line.start, line.end));
}
