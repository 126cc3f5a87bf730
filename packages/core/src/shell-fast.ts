// A hand-written parser for the RUN bodies that make up most Dockerfiles: words (backslash
// escapes included), quotes, `$VAR` and the special parameters (`$1`, `$@`, `$?`, …), `${VAR}`,
// `${VAR:-word}` and its kin, `${VAR%%pattern}` and its kin, `${#VAR}`, `$(…)` statement lists,
// `VAR=value` prefixes and bare assignments, `export`/`unset`, redirections, `&&`/`||`/`|`/`;`/newline
// lists, and the compound commands of the long `set -eux` scripts: if/elif/else, for/while/until,
// case (patterns, `|`, `;;`), `{ …; }`, `( … )`, `! cmd`, `f() { … }`, `[ … ]` tests (one unary or
// binary expression), and comments.
// Why: parsing with tree-sitter means crossing into its WebAssembly for the parse and for every node
// of the copy (`mirror` in shell.ts), about a third of `lint()` over the corpus; and a one-file CLI
// run that never needs tree-sitter skips loading its WebAssembly (about 20 ms of a 140 ms run). The
// compound commands matter because the bodies that hold them are long: before it took them it took
// 66% of the corpus's bodies but only 16% of their text.
// The contract: for a body it accepts, it returns exactly the tree `mirror()` makes of
// tree-sitter-bash 0.25.1's parse (same node types, named flags, ranges, field ids, children); for
// anything it is not certain of it returns null and tree-sitter parses the body. Bodies with a
// syntax error are never accepted (hasError is false for every tree returned here).
// packages/core/test/shell-fast.test.ts holds it to that over every RUN body of the corpus and
// examples/ and over random bodies (nested compounds included); tree-sitter-bash quirks it found are
// left to tree-sitter below, each with a must-bail case in the test. Where tree-sitter-bash's
// choice is its own (case patterns as extglob_pattern or word, else clauses stretched over line
// breaks, comments placed in the innermost node around them) the parser follows it only as far as
// the differential test has checked it.
import type { SyntaxNode } from './syntax-node.js';

/**
 * tree-sitter-bash's field ids, as constants: the fast path has no language to ask. Only the
 * children of `variable_assignment`, `function_definition` and `for_statement` carry one in the
 * mirrored tree (see FIELD_PARENTS in shell.ts). A test compares them with `fieldIdForName`.
 */
export const FIELD_IDS = { body: 3, name: 12, value: 18, variable: 19 } as const;

/** The tree tree-sitter-bash would give `prepared`, or null when the body is not one this parser is sure of. */
export function parseSimpleShell(prepared: string): SyntaxNode | null {
  text = prepared;
  pos = 0;
  longPipelineLine = false;
  depth = 0;
  try {
    return parseProgram();
  } catch (error) {
    if (error === BAIL) return null;
    throw error;
  } finally {
    text = '';
  }
}

/** A node under construction: parents are set when a node is made from its children. */
type Building = { -readonly [K in keyof SyntaxNode]: SyntaxNode[K] };

/** Thrown (one shared object, no stack to capture) when the body needs tree-sitter. */
const BAIL = { bail: true };

let text = '';
let pos = 0;
/**
 * tree-sitter-bash nests `a | b | c && d` as `a | (b | c && d)`, and after such a pipeline ended by a
 * line break it reads later line breaks as blanks once a list or redirection follows
 * (`a | b | c` newline `d > f` makes `c d` one command). So a list or redirection after a pipeline of
 * three or more, in the statement or on a later line, is left to it.
 */
let longPipeline = false;
let longPipelineLine = false;
/**
 * True inside a subshell or case item (tree-sitter-bash's `_statements`, where the last statement
 * needs no terminator): there a redirection after a pipeline of three or more binds its last two
 * (`( a | b | c > f )` is `a | (b | c > f)`), which is left to it.
 */
let inStatements = false;
/**
 * Set (to the nesting of statement lists it is in) once a test with `-op` or `==` between two
 * operands (`[ "$a" -eq 1 ]`) has been read: tree-sitter-bash can also read such a `[` as the start of
 * a test holding a redirected statement (`[ a -eq 1 ] && c` newline `d > f` newline `[ x ]` is one
 * test_command, its lines joined into one command), and does when a redirection and a `]` follow.
 * A `;` in the same list or an enclosing one ends that reading, so until one, any redirection is left
 * to it. 0 when no such test is pending.
 */
let operatorTestLevel = 0;
/** How many statement lists (the program's, a compound's, a `$(…)`'s) the parser is inside. */
let listLevel = 0;

/** Notes a test that operatorTestLevel is about, keeping the outermost list of any pending. */
function armOperatorTest(): void {
  operatorTestLevel = operatorTestLevel === 0 ? listLevel : Math.min(operatorTestLevel, listLevel);
}
/** How many `$(` or `(` the parser is inside: there a `)` ends the command. */
let depth = 0;

function bail(): never {
  throw BAIL;
}

/**
 * Words that tree-sitter-bash's grammar can read as keywords (its `word` extraction): a body with one
 * of them as a bare word goes to tree-sitter, even where it would only be an argument.
 */
const KEYWORDS = new Set([
  'case',
  'declare',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'export',
  'fi',
  'for',
  'function',
  'if',
  'in',
  'local',
  'readonly',
  'select',
  'then',
  'typeset',
  'unset',
  'unsetenv',
  'until',
  'while',
]);

/** tree-sitter-bash's `number` token; a word that is all of it is a `number` node, not a `word`. */
const NUMBER = /^-?(?:0x)?[0-9]+$/;
/** A number with a base (`2#101`): left to tree-sitter. */
const BASED_NUMBER = /^-?(?:0x)?[0-9]+#/;

function leaf(type: string, isNamed: boolean, startIndex: number, endIndex: number, fieldId = 0): Building {
  return { type, isNamed, startIndex, endIndex, fieldId, parent: null, index: 0, children: [] };
}

/** A node spanning its children (every inner node the fast path builds does), made their parent. */
function inner(type: string, children: Building[], fieldId = 0): Building {
  const first = children[0] as Building;
  const last = children[children.length - 1] as Building;
  const node: Building = { type, isNamed: true, startIndex: first.startIndex, endIndex: last.endIndex, fieldId, parent: null, index: 0, children };
  children.forEach((child, index) => {
    child.parent = node;
    child.index = index;
  });
  return node;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** True where a simple command's words end: blanks, operators, the end, and `)` inside `$(…)`. */
function endsCommand(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || (c === ')' && depth > 0);
}

/**
 * Characters that end a word (tree-sitter-bash's SPECIAL_CHARACTERS, whitespace included). Of these
 * only quotes, `$`, `;`, `&`, `|`, `<`, `>` and whitespace are understood here; the rest bail where
 * they are met.
 */
function endsWord(c: string): boolean {
  switch (c) {
    case "'":
    case '"':
    case '<':
    case '>':
    case '{':
    case '}':
    case '[':
    case ']':
    case '(':
    case ')':
    case '`':
    case '$':
    case '|':
    case '&':
    case ';':
    case '\\':
    case ' ':
    case '\t':
    case '\n':
      return true;
  }
  return false;
}

/**
 * Skips spaces, tabs and line continuations (tree-sitter's extras), and line breaks too when
 * `newlines` (after `&&`, `||`, `|` and between statements). A continuation counts only after a blank:
 * `foo\` + newline + `bar` and a continuation with nothing after it are left to tree-sitter.
 */
function skipBlanks(newlines: boolean): void {
  for (;;) {
    const c = text[pos];
    if (isBlank(c) || (newlines && c === '\n')) {
      pos++;
    } else if (c === '\\' && text[pos + 1] === '\n') {
      if (!isBlank(text[pos - 1])) bail();
      pos += 2;
      while (isBlank(text[pos])) pos++;
      if (pos >= text.length || text[pos] === '\n') bail();
    } else {
      return;
    }
  }
}

function parseProgram(): SyntaxNode {
  // Characters the parser does not know (control characters, non-ASCII: tree-sitter's ranges of
  // those were not checked) go to tree-sitter before any work.
  if (/[^\t\n\x20-\x7e]/.test(text)) bail();
  const children: Building[] = [];
  skipBlanks(true);
  const start = pos;
  inStatements = false;
  operatorTestLevel = 0;
  listLevel = 0;
  pendingComments = [];
  parseList(children);
  if (pos < text.length) bail();
  const root: Building = { type: 'program', isNamed: true, startIndex: start, endIndex: text.length, fieldId: 0, parent: null, index: 0, children };
  children.forEach((child, index) => {
    child.parent = root;
    child.index = index;
  });
  return root;
}

/**
 * Statements and their `;` terminators (line breaks make no node), pushed onto `children` of the
 * program or of the compound command holding them, up to the end, a closing keyword or `}` at the
 * start of a statement, `;;`, or a `)` after a statement. The caller checks that it stopped at the
 * closer it expects. Returns how many statements it read.
 */
function parseStatements(children: Building[]): number {
  let count = 0;
  listLevel++;
  skipBlanks(true);
  for (;;) {
    if (atComment()) {
      pendingComments.push(readComment());
      skipBlanks(true);
      continue;
    }
    if (pos >= text.length || atCloser()) break;
    flushComments(children);
    children.push(parseStatement());
    count++;
    skipBlanks(false);
    // A comment on the statement's line comes before its terminator (the line break).
    if (atComment()) children.push(readComment());
    const c = text[pos];
    if (c === ';') {
      if (text[pos + 1] === ';') break;
      if (text[pos + 1] === '&') bail();
      children.push(leaf(';', false, pos, pos + 1));
      pos++;
      listEnd = pos;
      if (operatorTestLevel >= listLevel) operatorTestLevel = 0;
    } else if (c === '\n' || c === undefined) {
      longPipelineLine ||= longPipeline;
      if (c === '\n') {
        const breakAt = pos;
        skipBlanks(true);
        listEnd = lineBreaksEnd(breakAt);
        continue;
      }
    } else if (c === ')' && depth > 0) {
      break;
    } else {
      bail();
    }
    skipBlanks(true);
  }
  // A test pending in this list is pending in the enclosing one: only a `;` there ends it now.
  listLevel--;
  if (operatorTestLevel > listLevel) operatorTestLevel = Math.max(listLevel, 1);
  return count;
}

/**
 * Where the terminators of the statement list parseStatements last read end: after its last `;`, or
 * after the line breaks that ended it (tree-sitter-bash stretches an elif or else clause over
 * them); -1 when a line continuation follows them, which is not worked out.
 */
let listEnd = -1;

/**
 * The end of the run of line breaks at `breakAt` (`\n\n` counts both, `\n \n` only the first: the
 * terminator is tree-sitter-bash's token), or -1 if a continuation follows before `pos`.
 */
function lineBreaksEnd(breakAt: number): number {
  let end = breakAt + 1;
  while (text[end] === '\n') end++;
  for (let at = end; at < pos; at++) if (text[at] === '\\') return -1;
  return end;
}

/** parseStatements, with the comments after the last statement kept in the same node. */
function parseList(children: Building[]): number {
  const count = parseStatements(children);
  flushComments(children);
  return count;
}

/**
 * Comments read after a statement's terminator, waiting for the node they belong to: tree-sitter-bash
 * puts a comment (an extra) in the innermost node holding the tokens on both sides of it, which is
 * the list's node when another statement follows and the enclosing node when the list ends there
 * (a comment after an else clause's last `;` is the if statement's).
 */
let pendingComments: Building[] = [];

function flushComments(children: Building[]): void {
  if (pendingComments.length === 0) return;
  children.push(...pendingComments);
  pendingComments = [];
}

/** A `#` that starts a comment: at the start of a token (after a blank, a line break or `;`). */
function atComment(): boolean {
  if (text[pos] !== '#') return false;
  const before = text[pos - 1];
  return before === undefined || before === ' ' || before === '\t' || before === '\n' || before === ';';
}

/** A comment up to the end of its line (a `\\` at its end continues nothing). */
function readComment(): Building {
  let end = text.indexOf('\n', pos);
  if (end === -1) end = text.length;
  const node = leaf('comment', true, pos, end);
  pos = end;
  return node;
}

/** The words that close a statement list when they start a statement. */
const CLOSERS = ['then', 'fi', 'elif', 'else', 'do', 'done', 'esac', '}'];

function atCloser(): boolean {
  switch (text[pos]) {
    case ')':
      return true;
    case ';':
      return text[pos + 1] === ';';
    case 't':
    case 'f':
    case 'e':
    case 'd':
    case '}':
      return CLOSERS.some((word) => atKeyword(word));
  }
  return false;
}

/** True at `word` standing alone (followed by a blank, a line break, an operator or the end). */
function atKeyword(word: string): boolean {
  if (!text.startsWith(word, pos)) return false;
  const c = text[pos + word.length];
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|' || c === ')' || c === '<' || c === '>';
}

/** The keyword `word` as a leaf, or a bail when the text does not continue with it. */
function keyword(word: string): Building {
  if (!atKeyword(word)) bail();
  const node = leaf(word, false, pos, pos + word.length);
  pos += word.length;
  return node;
}

/**
 * A statement list that must hold at least one statement, then the keyword that closes it. An empty
 * list (`if a; then fi`) is an error to the shell but not to tree-sitter-bash: left to it.
 */
function parseBody(children: Building[], closer: string): void {
  if (parseList(children) === 0) bail();
  children.push(keyword(closer));
}

/**
 * An and-or list of pipelines, with tree-sitter-bash's shape: `&&`/`||` nest to the left, `|` binds
 * the last operand, and redirections after a list or pipeline apply to all of it
 * (`a && b > log` is a redirected list; see withRedirects in shell.ts), which then pipes as one.
 */
function parseStatement(): Building {
  let statement = parseUnit();
  longPipeline = false;
  for (;;) {
    skipBlanks(false);
    const c = text[pos];
    const next = text[pos + 1];
    if (startsRedirect()) {
      if (longPipelineLine || (longPipeline && inStatements) || operatorTestLevel > 0) bail();
      const redirects: Building[] = [];
      do {
        redirects.push(parseRedirect());
        skipBlanks(false);
      } while (startsRedirect());
      statement = inner('redirected_statement', [statement, ...redirects]);
    } else if ((c === '&' && next === '&') || (c === '|' && next === '|')) {
      if (longPipeline || longPipelineLine) bail();
      const operator = leaf(c + next, false, pos, pos + 2);
      pos += 2;
      skipBlanks(true);
      statement = inner('list', [statement, operator, parseUnit()]);
    } else if (c === '|' && next !== '&') {
      // `{ a; } > f | b | c > g | d`: after a redirected pipeline of three or more, tree-sitter-bash
      // may nest the rest differently.
      if (longPipeline && statement.type === 'redirected_statement') bail();
      const bar = leaf('|', false, pos, pos + 1);
      pos++;
      skipBlanks(true);
      statement = pipe(statement, bar, parseUnit());
      // Bare assignments in a pipeline (`A=1 | b`) make tree-sitter-bash join the next lines into it.
      const pipeline = lastPipeline(statement);
      if (pipeline.children.some((element) => element.type === 'variable_assignment' || element.type === 'variable_assignments')) bail();
      longPipeline ||= pipeline.children.length > 3;
    } else {
      return statement;
    }
  }
}

/** `statement | unit`: the pipe takes the right operand of an unredirected list and extends a pipeline. */
function pipe(statement: Building, bar: Building, unit: Building): Building {
  const [left, operator, right] = statement.children as Building[];
  if (statement.type === 'list' && left && operator && right) return inner('list', [left, operator, pipe(right, bar, unit)]);
  if (statement.type === 'pipeline') return inner('pipeline', [...(statement.children as Building[]), bar, unit]);
  return inner('pipeline', [statement, bar, unit]);
}

/** The pipeline a `|` just extended: the statement, or the right operand of its list. */
function lastPipeline(statement: Building): Building {
  return statement.type === 'list' ? lastPipeline(statement.children[2] as Building) : statement;
}

/**
 * One operand of a list or pipeline: a compound command, a test, a negation, a function definition,
 * or a simple command with its `VAR=value` prefixes, or bare assignments.
 */
function parseUnit(): Building {
  const c = text[pos];
  if (c === '!' && isBlank(text[pos + 1])) return parseNegation();
  if (c === '[' && isBlank(text[pos + 1])) return parseTest();
  if (c === '(') return parseSubshell();
  if (c === '{' && (isBlank(text[pos + 1]) || text[pos + 1] === '\n')) return parseCompound(parseBraceGroup);
  if (c === 'i' && atKeyword('if')) return parseCompound(parseIf);
  if (c === 'f' && atKeyword('for')) return parseCompound(parseFor);
  if ((c === 'w' && atKeyword('while')) || (c === 'u' && atKeyword('until'))) return parseCompound(parseWhile);
  if (c === 'c' && atKeyword('case')) return parseCompound(parseCase);
  if (c === 'f' && atKeyword('function')) return parseCompound(parseFunctionKeyword);
  const functionName = functionNameEnd();
  if (functionName > 0) return parseCompound(() => parseFunction(functionName));
  return parseSimpleUnit();
}

/** A simple command with its `VAR=value` prefixes, or bare assignments. */
function parseSimpleUnit(): Building {
  const assignments: Building[] = [];
  while (startsAssignment()) {
    assignments.push(parseAssignment());
    skipBlanks(false);
  }
  const keyword = declarationKeyword();
  if (keyword) {
    // `A=1 export B`: an assignment before a declaration builtin is left to tree-sitter.
    if (assignments.length > 0) bail();
    return parseDeclaration(keyword);
  }
  if (!startsLiteral()) {
    // `VAR=1 > f cmd` puts the redirection inside the command: not handled here. tree-sitter-bash
    // reads a line break (or a comment and a line break) after two or more assignments, or after
    // `VAR=`, as a blank (`A=1 B=2` newline `cmd` is one command).
    if (assignments.length === 0 || startsRedirect()) bail();
    if ((text[pos] === '\n' || atComment()) && (assignments.length > 1 || (assignments[0] as Building).children.length < 3)) bail();
    return assignments.length === 1 ? (assignments[0] as Building) : inner('variable_assignments', assignments);
  }
  const nameStart = pos;
  const name = parseLiteral(0);
  // A number as a command name, a name with `=` that was not an assignment (`A+=1`, `=x`, and
  // `--opt="$x"`, which tree-sitter-bash reads as an assignment to `--opt`), or a `#` in the name
  // (`a#b` is an error to tree-sitter-bash: a name, then a comment), or a name starting with `-`
  // (a lone `-` is dropped from the tree before an assignment, `- A=1`; `--a%b c` is an error); `!`
  // (negation, `!a` glued) and `{}` are left to tree-sitter in that place too.
  const nameText = text.slice(nameStart, pos);
  if (name.type === 'number' || nameText.includes('=') || nameText.includes('#') || nameText.startsWith('-') || nameText.includes('!') || nameText.includes('{') || looksLikeVariableName(nameStart)) bail();
  const children = [...assignments, inner('command_name', [name])];
  for (;;) {
    skipBlanks(false);
    if (!startsLiteral()) break;
    children.push(parseLiteral(0));
  }
  return inner('command', children);
}

/**
 * Runs a compound command's parser with the pipeline state of the statements inside it kept apart from
 * the statement it is an operand of (as a `$(…)` does).
 */
function parseCompound(parse: () => Building): Building {
  const outerLongPipeline = longPipeline;
  const node = parse();
  longPipeline = outerLongPipeline;
  return node;
}

/** `{ list; }` */
function parseBraceGroup(): Building {
  const children = [keyword('{')];
  parseBody(children, '}');
  return inner('compound_statement', children);
}

/** `( list )`; `((` (arithmetic) bails. */
function parseSubshell(): Building {
  if (text[pos + 1] === '(') bail();
  return parseParenthesized('subshell', '(');
}

/**
 * `(list)` after `open` (`(` or `$(`): statements as tree-sitter-bash's `_statements` (the last
 * needs no terminator), in which a `)` ends a command; an empty list bails.
 */
function parseParenthesized(type: string, open: string): Building {
  const children = [leaf(open, false, pos, pos + open.length)];
  pos += open.length;
  depth++;
  const outerLongPipeline = longPipeline;
  const outerInStatements = inStatements;
  inStatements = true;
  if (parseList(children) === 0 || text[pos] !== ')') bail();
  longPipeline = outerLongPipeline;
  inStatements = outerInStatements;
  depth--;
  children.push(leaf(')', false, pos, pos + 1));
  pos++;
  return inner(type, children);
}

/** `if list; then list; [elif list; then list;]… [else list;] fi`: elif and else get a node of their own. */
function parseIf(): Building {
  const children = [keyword('if')];
  parseBody(children, 'then');
  if (parseList(children) === 0) bail();
  for (;;) {
    if (atKeyword('elif')) {
      const clause = [keyword('elif')];
      parseBody(clause, 'then');
      if (parseStatements(clause) === 0) bail();
      children.push(clauseNode('elif_clause', clause));
      // Comments after the clause's last terminator are the if statement's.
      flushComments(children);
    } else if (atKeyword('else')) {
      const clause = [keyword('else')];
      if (parseStatements(clause) === 0) bail();
      children.push(clauseNode('else_clause', clause));
      flushComments(children);
      children.push(keyword('fi'));
      return inner('if_statement', children);
    } else {
      children.push(keyword('fi'));
      return inner('if_statement', children);
    }
  }
}

/** An elif or else clause, which ends where the terminators of its list end (line breaks included). */
function clauseNode(type: string, children: Building[]): Building {
  if (listEnd === -1) bail();
  const node = inner(type, children);
  node.endIndex = listEnd;
  return node;
}

/** `do list; done` */
function parseDoGroup(fieldId: number): Building {
  skipBlanks(true);
  const children = [keyword('do')];
  parseBody(children, 'done');
  return inner('do_group', children, fieldId);
}

/** `while list; do list; done` (and `until`): one while_statement either way. */
function parseWhile(): Building {
  const children = [keyword(text[pos] === 'w' ? 'while' : 'until')];
  if (parseList(children) === 0) bail();
  children.push(parseDoGroup(0));
  return inner('while_statement', children);
}

/**
 * `for NAME in words; do list; done`, its parts told apart by field (variable, value, body); a for
 * without `in` (over "$@"), `select` and `for ((…))` bail.
 */
function parseFor(): Building {
  const children = [keyword('for')];
  skipBlanks(false);
  const nameStart = pos;
  if (!isLetter(text.charCodeAt(pos)) && text[pos] !== '_') bail();
  while (isNameChar(text.charCodeAt(pos))) pos++;
  if (!isBlank(text[pos])) bail();
  children.push(leaf('variable_name', true, nameStart, pos, FIELD_IDS.variable));
  skipBlanks(false);
  children.push(keyword('in'));
  skipBlanks(false);
  if (!startsLiteral()) bail();
  do {
    children.push(parseLiteral(FIELD_IDS.value));
    skipBlanks(false);
  } while (startsLiteral());
  if (atComment()) children.push(readComment());
  if (text[pos] === ';') {
    children.push(leaf(';', false, pos, pos + 1));
    pos++;
  } else if (text[pos] !== '\n') {
    bail();
  }
  children.push(parseDoGroup(FIELD_IDS.body));
  return inner('for_statement', children);
}

/** `! command`: tree-sitter-bash negates a simple command, a test or a subshell; anything else bails. */
function parseNegation(): Building {
  const bang = leaf('!', false, pos, pos + 1);
  pos++;
  skipBlanks(false);
  const c = text[pos];
  if (c === '!' || c === '{' || c === '(' || c === '\n') bail();
  const operand = parseUnit();
  if (operand.type !== 'command' && operand.type !== 'test_command') bail();
  return inner('negated_command', [bang, operand]);
}

/**
 * Where `NAME()` of a function definition ends (the `)`), or 0. A name is what tree-sitter-bash's
 * word would be, kept to letters, digits, `_` and `-`; a function body other than `{ … }` bails.
 */
function functionNameEnd(): number {
  let at = pos;
  for (;;) {
    const code = text.charCodeAt(at);
    if (!isNameChar(code) && code !== 45 /* - */) break;
    at++;
  }
  if (at === pos) return 0;
  let paren = at;
  while (isBlank(text[paren])) paren++;
  if (text[paren] !== '(') return 0;
  if (text[paren + 1] !== ')' || KEYWORDS.has(text.slice(pos, at))) bail();
  return at;
}

/** `name() { list; }`, its name and body told apart by field. */
function parseFunction(nameEnd: number): Building {
  const name = text.slice(pos, nameEnd);
  if (NUMBER.test(name)) bail();
  const children = [leaf('word', true, pos, nameEnd, FIELD_IDS.name)];
  pos = nameEnd;
  skipBlanks(false);
  children.push(leaf('(', false, pos, pos + 1), leaf(')', false, pos + 1, pos + 2));
  pos += 2;
  return functionBody(children);
}

/** `function name [()] { list; }` */
function parseFunctionKeyword(): Building {
  const children = [keyword('function')];
  skipBlanks(false);
  const start = pos;
  while (isNameChar(text.charCodeAt(pos)) || text[pos] === '-') pos++;
  const name = text.slice(start, pos);
  if (name === '' || NUMBER.test(name) || KEYWORDS.has(name)) bail();
  children.push(leaf('word', true, start, pos, FIELD_IDS.name));
  if (text[pos] === '(') {
    if (text[pos + 1] !== ')') bail();
    children.push(leaf('(', false, pos, pos + 1), leaf(')', false, pos + 1, pos + 2));
    pos += 2;
  } else if (!isBlank(text[pos])) {
    bail();
  }
  return functionBody(children);
}

/** A function's `{ … }` body; a redirection after it (tree-sitter-bash's field `redirect`) bails. */
function functionBody(children: Building[]): Building {
  skipBlanks(true);
  if (!atKeyword('{')) bail();
  const body = parseBraceGroup();
  body.fieldId = FIELD_IDS.body;
  children.push(body);
  const end = pos;
  skipBlanks(false);
  if (startsRedirect()) bail();
  pos = end;
  return inner('function_definition', children);
}

/**
 * `[ expression ]` in the shapes tree-sitter-bash gives plainly: `[ x ]`, `[ -op x ]`, `[ x op y ]`
 * and `[ ! … ]` of the last two. More operators (`-a`, `-o`: tree-sitter-bash nests them by its own
 * precedence, not test's), `(`, and operands starting with `-` or `!` bail.
 */
function parseTest(): Building {
  const children = [leaf('[', false, pos, pos + 1)];
  pos++;
  skipBlanks(false);
  if (text[pos] === '!' && isBlank(text[pos + 1])) {
    const bang = leaf('!', false, pos, pos + 1);
    pos++;
    skipBlanks(false);
    // `!` binds tighter than `=` (`[ ! a = b ]` is `(! a) = b`): only `! -op x` is taken.
    const operand = parseTestExpression();
    if (operand.type !== 'unary_expression') bail();
    children.push(inner('unary_expression', [bang, operand]));
  } else {
    children.push(parseTestExpression());
  }
  skipBlanks(false);
  if (text[pos] !== ']' || !endsCommand(text[pos + 1])) bail();
  children.push(leaf(']', false, pos, pos + 1));
  pos++;
  return inner('test_command', children);
}

/** `x`, `-op x` or `x op y`, where `op` is `=`, `==`, `!=` or a test operator (`-eq`, `-nt`, …). */
function parseTestExpression(): Building {
  const operator = testOperatorEnd();
  if (operator > 0) {
    const op = leaf('test_operator', true, pos, operator);
    pos = operator;
    skipBlanks(false);
    return inner('unary_expression', [op, parseTestOperand()]);
  }
  const left = parseTestOperand();
  skipBlanks(false);
  if (text[pos] === ']') return left;
  const c = text[pos];
  const binary = testOperatorEnd();
  if (binary > 0) {
    const op = leaf('test_operator', true, pos, binary);
    pos = binary;
    armOperatorTest();
    skipBlanks(false);
    return inner('binary_expression', [left, op, parseTestOperand()]);
  }
  if (c === '=' && isBlank(text[pos + 1])) {
    const op = leaf('=', false, pos, pos + 1);
    pos++;
    skipBlanks(false);
    return inner('binary_expression', [left, op, parseTestOperand()]);
  }
  if ((c === '=' || c === '!') && text[pos + 1] === '=' && isBlank(text[pos + 2])) {
    // The right operand of `==` and `!=` is a pattern (tree-sitter-bash's _extglob_blob).
    const op = leaf(c + '=', false, pos, pos + 2);
    pos += 2;
    if (c === '=') armOperatorTest();
    skipBlanks(false);
    return inner('binary_expression', [left, op, parsePattern(op.endIndex)]);
  }
  return bail();
}

/** Where a test operator (`-` and letters, then a blank: tree-sitter's scanner token) at `pos` ends, or 0. */
function testOperatorEnd(): number {
  if (text[pos] !== '-') return 0;
  let at = pos + 1;
  while (isLetter(text.charCodeAt(at))) at++;
  return at > pos + 1 && isBlank(text[at]) ? at : 0;
}

/**
 * An operand of a test: a literal that holds no `=` and does not start with `(` or a character
 * tree-sitter-bash reads as a unary operator there (`-`, `+`, `~`, `!`: `[ a = ~x ]` negates `x`).
 */
function parseTestOperand(): Building {
  const c = text[pos];
  if (startsUnaryOperator(c) || c === '(' || c === ']' || !startsLiteral()) bail();
  const start = pos;
  const operand = parseLiteral(0);
  if (text.slice(start, pos).includes('=')) bail();
  return operand;
}

/**
 * A glob pattern (a case item's, or the right of `==`/`!=`): tree-sitter-bash's scanner makes some
 * of them an extglob_pattern token and leaves the rest to its lexer (a word, string, expansion…);
 * extglobEnd follows the scanner's choice for patterns of plain characters. Patterns mixing plain
 * characters with quotes or expansions, or using `(`, `[`, `{`, `\`, `$` inside, bail.
 */
function parsePattern(gapStart: number): Building {
  const c = text[pos];
  if (c === '"' || c === "'" || c === '$') {
    const start = pos;
    // A `)` ends the pattern, as it ends a command inside `$(…)`.
    depth++;
    const node = parseLiteral(0);
    depth--;
    if (node.type === 'concatenation' || text.slice(start, pos).includes('=')) bail();
    return node;
  }
  const start = pos;
  while (isPatternChar(text.charCodeAt(pos))) pos++;
  // A leading `-` may be read as a test operator first, and in a test `+`, `~` as unary operators.
  if (pos === start || startsUnaryOperator(text[start])) bail();
  const runEnd = pos;
  const next = text[pos];
  if (!(next === ')' || next === '|' || next === ']' || isBlank(next) || next === '\n')) bail();
  // The scanner gives up at a `\\` (a line continuation) before the pattern.
  const end = continuationIn(gapStart, start) ? -1 : extglobEnd(start);
  if (end === -1) {
    const word = text.slice(start, runEnd);
    if (KEYWORDS.has(word) || NUMBER.test(word) || word.startsWith('-')) bail();
    return leaf('word', true, start, runEnd);
  }
  if (end !== runEnd) bail();
  return leaf('extglob_pattern', true, start, end);
}

const startsUnaryOperator = (c: string | undefined): boolean => c === '-' || c === '+' || c === '~' || c === '!';

function continuationIn(from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (text[at] === '\\') return true;
  return false;
}

/** Letters, digits and `_ . * ? / - + @ : , % ~ ^`: the characters a pattern here may hold. */
function isPatternChar(code: number): boolean {
  return isNameChar(code) || code === 46 || code === 42 || code === 63 || code === 47 || code === 45 || code === 43 || code === 64 || code === 58 || code === 44 || code === 37 || code === 126 || code === 94;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n';

/**
 * tree-sitter-bash's scanner on a pattern of plain characters at `start` (its `extglob_pattern:`
 * label, with no parenthesis open): the end of the extglob_pattern token it makes, or -1 where it
 * makes none and the lexer reads a word. Its quirks are its own: `a)` is a word but `a1)` and `a|` an
 * extglob, `*.c` a word but `c*` an extglob.
 */
function extglobEnd(start: number): number {
  let at = start;
  let c = text[at] as string;
  if (!(c === '?' || c === '*' || c === '+' || c === '@' || c === '-' || c === '.' || isLetter(text.charCodeAt(at)))) return -1;
  // The scanner's esac check and its single-character step.
  const wasNonAlpha = !isLetter(text.charCodeAt(at));
  if (c === 'e') {
    at++;
    if (text[at] === 's') {
      at++;
      if (text[at] === 'a') {
        at++;
        if (text[at] === 'c') {
          at++;
          if (isSpace(text[at])) return -1;
        }
      }
    }
  } else {
    at++;
  }
  let end = at;
  if (text[at] === '-') {
    at++;
    while (isAlnum(text.charCodeAt(at))) at++;
    c = text[at] as string;
    if (c === ')' || c === '.') return -1;
    end = at;
  }
  c = text[at] as string;
  if (c === ')') {
    if (!isSpace(text[at + 1])) bail();
    return wasNonAlpha ? at : -1;
  }
  if (isSpace(c)) return at;
  if (c === '|') return at;
  const code = text.charCodeAt(at);
  if (!isAlnum(code) && c !== '?' && c !== '/' && c !== '_' && c !== '*') return -1;
  let sawNonAlphaDot = wasNonAlpha;
  for (;;) {
    c = text[at] as string;
    if (c === undefined) return -1;
    if (c === ')' || c === ']') break;
    if (c === '|') return at;
    if (isSpace(c)) return sawNonAlphaDot ? at : -1;
    if (!isLetter(text.charCodeAt(at)) && c !== '.') sawNonAlphaDot = true;
    at++;
    end = at;
  }
  return sawNonAlphaDot ? end : -1;
}

const isAlnum = (code: number): boolean => isLetter(code) || (code >= 48 && code <= 57);

/**
 * `case word in pattern|pattern) list ;; … esac`. Every item must end in `;;` (`;&`, `;;&` and a last
 * item without one bail), and a `(` before the patterns bails, as does a case inside `(…)` or `$(…)`.
 */
function parseCase(): Building {
  // In `$(…)` a case's `)` can end the substitution to tree-sitter-bash (`$(case …esac)x` is an error).
  if (depth > 0) bail();
  const children = [keyword('case')];
  skipBlanks(false);
  if (!startsLiteral()) bail();
  children.push(parseLiteral(0));
  skipBlanks(false);
  children.push(keyword('in'));
  let gapStart = caseGap(children);
  while (!atKeyword('esac')) {
    const item: Building[] = [];
    for (;;) {
      if (text[pos] === '(') bail();
      item.push(parsePattern(gapStart));
      skipBlanks(false);
      if (text[pos] === ')') break;
      if (text[pos] !== '|') bail();
      item.push(leaf('|', false, pos, pos + 1));
      pos++;
      gapStart = pos;
      skipBlanks(false);
    }
    item.push(leaf(')', false, pos, pos + 1));
    pos++;
    const outerInStatements = inStatements;
    inStatements = true;
    parseList(item);
    inStatements = outerInStatements;
    if (text[pos] !== ';' || text[pos + 1] !== ';' || text[pos + 2] === '&') bail();
    item.push(leaf(';;', false, pos, pos + 2));
    pos += 2;
    children.push(inner('case_item', item));
    gapStart = caseGap(children);
  }
  children.push(keyword('esac'));
  return inner('case_statement', children);
}

/**
 * Skips the blanks, line breaks and comments before a case item or `esac` (the comments are the case
 * statement's); returns where the scanner starts on the next pattern: after the last comment, if any.
 */
function caseGap(children: Building[]): number {
  let gapStart = pos;
  skipBlanks(true);
  while (atComment()) {
    children.push(readComment());
    gapStart = pos;
    skipBlanks(true);
  }
  return gapStart;
}

/**
 * True where tree-sitter-bash's scanner reads the start of a command name as a variable_name (and
 * then fails): letters, digits and `_` followed by `@`, `%`, `?`, `:` or `+=`/`+:` (`touch@1 f`,
 * `x=1 a:b c`).
 */
function looksLikeVariableName(start: number): boolean {
  let at = start;
  while (isNameChar(text.charCodeAt(at))) at++;
  if (at === start) return false;
  const c = text[at];
  return c === '@' || c === '%' || c === '?' || c === ':' || (c === '+' && (text[at + 1] === '=' || text[at + 1] === ':'));
}

/** The builtins tree-sitter-bash parses as declaration_command or unset_command. */
const DECLARATIONS = ['export', 'local', 'declare', 'readonly', 'typeset', 'unset', 'unsetenv'];

function declarationKeyword(): string | undefined {
  return DECLARATIONS.find((keyword) => text.startsWith(keyword, pos) && endsCommand(text[pos + keyword.length]));
}

/** `export A=1 B`: the keyword, then assignments and bare names (any other operand, like `-x`, bails). */
function parseDeclaration(keyword: string): Building {
  const unset = keyword.startsWith('unset');
  const children = [leaf(keyword, false, pos, pos + keyword.length)];
  pos += keyword.length;
  for (;;) {
    skipBlanks(false);
    if (startsAssignment()) {
      if (unset) bail();
      children.push(parseAssignment());
      continue;
    }
    if (!startsLiteral()) break;
    const start = pos;
    while (isNameChar(text.charCodeAt(pos))) pos++;
    const name = text.slice(start, pos);
    if (!isLetter(text.charCodeAt(start)) || KEYWORDS.has(name) || !endsCommand(text[pos]) || text[pos] === '<' || text[pos] === '>') bail();
    children.push(leaf('variable_name', true, start, pos));
  }
  return inner(unset ? 'unset_command' : 'declaration_command', children);
}

/** True at `NAME=`: tree-sitter's scanner reads the name as a variable_name before `=`. */
function startsAssignment(): boolean {
  let at = pos;
  const first = text.charCodeAt(at);
  // A name of `_` alone is not an assignment to tree-sitter's scanner; a leading digit is none to the shell.
  if (first === 95 /* _ */) {
    if (!isNameChar(text.charCodeAt(at + 1))) return false;
  } else if (!isLetter(first)) {
    return false;
  }
  while (isNameChar(text.charCodeAt(at))) at++;
  return text[at] === '=';
}

const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isNameChar = (code: number): boolean => isLetter(code) || isDigit(code) || code === 95;

function parseAssignment(): Building {
  const start = pos;
  while (text[pos] !== '=') pos++;
  const children = [leaf('variable_name', true, start, pos, FIELD_IDS.name), leaf('=', false, pos, pos + 1)];
  pos++;
  const c = text[pos];
  if (c === '=' || c === '+') bail();
  // `VAR=` with nothing after it has no value node (tree-sitter's hidden _empty_value); right before
  // a `)` or `|` (`A=|| b`) it is a syntax error to tree-sitter-bash.
  if (startsLiteral()) children.push(parseLiteral(FIELD_IDS.value));
  else if (c === '<' || c === '>' || c === ')' || c === '|' || !endsCommand(c)) bail();
  return inner('variable_assignment', children);
}

/** True where a word, quote or `$` starts (not an operator, a redirection, a comment or the end of the command). */
function startsLiteral(): boolean {
  return !endsCommand(text[pos]) && !startsDescriptor() && !atComment();
}

/** Digits right before `<` or `>` at the start of a token: tree-sitter's scanner makes them a file_descriptor. */
function startsDescriptor(): boolean {
  let at = pos;
  while (text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
  return at > pos && (text[at] === '<' || text[at] === '>');
}

function startsRedirect(): boolean {
  const c = text[pos];
  return c === '<' || c === '>' || (c === '&' && text[pos + 1] === '>') || startsDescriptor();
}

/** `[n]> dest…`: tree-sitter-bash gives a file_redirect every literal up to the next operator as a destination. */
function parseRedirect(): Building {
  const children: Building[] = [];
  const descriptorStart = pos;
  while (text.charCodeAt(pos) >= 48 && text.charCodeAt(pos) <= 57) pos++;
  // tree-sitter-bash's scanner does not read a descriptor starting with 0 (`0>f`, `01>f`): an error.
  if (pos > descriptorStart && text[descriptorStart] === '0') bail();
  if (pos > descriptorStart) children.push(leaf('file_descriptor', true, descriptorStart, pos));
  const operator = redirectOperator();
  children.push(leaf(operator, false, pos, pos + operator.length));
  pos += operator.length;
  skipBlanks(false);
  if (!startsLiteral()) bail();
  do {
    children.push(parseLiteral(0));
    skipBlanks(false);
  } while (startsLiteral());
  return inner('file_redirect', children);
}

/** The redirection operator at `pos`; heredocs, here-strings, `>|`, `<>` and closing (`>&-`) bail. */
function redirectOperator(): string {
  const c = text[pos] as string;
  const next = text[pos + 1];
  let operator: string;
  if (c === '&') operator = text[pos + 2] === '>' ? '&>>' : '&>';
  else if (next === c || next === '&') operator = c + next;
  else operator = c;
  if (operator === '<<') bail();
  const after = text[pos + operator.length];
  if (after === '|' || after === '-' || after === '(' || after === '<' || after === '>' || after === '&') bail();
  return operator;
}

/**
 * One shell word: a word, quoted string, expansion, `$(…)`, or their concatenation. Ends at
 * whitespace or an operator; anything else a word cannot hold bails.
 */
function parseLiteral(fieldId: number): Building {
  const parts: Building[] = [];
  for (;;) {
    const c = text[pos];
    if (c === undefined) break;
    if (c === "'") {
      parts.push(parseRawString());
    } else if (c === '"') {
      parts.push(parseString());
    } else if (c === '$') {
      parts.push(parseExpansion());
    } else if (c === '{' && text[pos + 1] === '}') {
      // `find … -exec rm {} \;`: `{` and `}` are tree-sitter-bash's special characters, each a word
      // of its own in a concatenation. Only the pair is taken: a lone brace may open or close a group.
      parts.push(leaf('word', true, pos, pos + 1), leaf('word', true, pos + 1, pos + 2));
      pos += 2;
    } else if (c === '\\') {
      // An escape starts or continues a word, but after a quote or an expansion tree-sitter-bash's
      // scanner glues only `\"`, `\'` and `\\` on (`$A\"` is one concatenation, `$A\x` two words).
      if (parts.length > 0) {
        const next = text[pos + 1];
        if (next !== '"' && next !== "'" && next !== '\\') bail();
      }
      parts.push(parseWord());
    } else if (!endsWord(c)) {
      parts.push(parseWord());
    } else if (endsCommand(c)) {
      break;
    } else {
      bail();
    }
  }
  if (parts.length === 0) bail();
  // `foo>f` is `foo` and a redirection, but tree-sitter's scanner tells `2>f` apart by context.
  if (text[pos] === '<' || text[pos] === '>') bail();
  if (parts.length === 1) {
    const only = parts[0] as Building;
    // tree-sitter-bash's scanner drops a lone `-` (or `*`, `@`, `?`, `_`) before `2>…`: `echo - 2>&1`.
    if (only.endIndex - only.startIndex === 1 && '-*@?_'.includes(text[only.startIndex] as string)) {
      const end = pos;
      skipBlanks(false);
      if (startsDescriptor()) bail();
      pos = end;
    }
    only.fieldId = fieldId;
    return only;
  }
  // A number next to a quote or expansion (`1"x"`) may lex either way: tree-sitter decides.
  if (parts.some((part) => part.type === 'number')) bail();
  // A concatenation ending in `-` before a blank and `$$` loses the `-` to the next word
  // (`${A}- $$` is `${A}` and a bare `$` spanning `$$`): a `$` after it is left to tree-sitter.
  const last = parts[parts.length - 1] as Building;
  if (last.endIndex - last.startIndex === 1 && text[last.startIndex] === '-') {
    const end = pos;
    skipBlanks(false);
    if (text[pos] === '$') bail();
    pos = end;
  }
  // tree-sitter-bash splits a concatenation at a `$NAME` after the second part when a word follows it
  // (`a/$B/c/$D/e` is `a/`, `$B`, `/c/` and a bare `$`, then a word `D/e`): left to it. (`${…}` and
  // `$(…)` there, or `$NAME` before a quote or another expansion, keep the concatenation whole.)
  for (let index = 2; index < parts.length - 1; index++) {
    const nextType = (parts[index + 1] as Building).type;
    if ((parts[index] as Building).type === 'simple_expansion' && (nextType === 'word' || nextType === 'number')) bail();
  }
  // Its scanner also reads `$$` after the first part as one bare `$` token (`x$$`), and `$0`…`$9`
  // after the second as a bare `$` and a separate number word (`"a"b$1`).
  for (let index = 1; index < parts.length; index++) {
    const part = parts[index] as Building;
    if (part.type !== 'simple_expansion') continue;
    const name = text.charCodeAt(part.startIndex + 1);
    if (name === 36 /* $ */ || (index >= 2 && isDigit(name))) bail();
  }
  return inner('concatenation', parts, fieldId);
}

function parseRawString(): Building {
  const end = text.indexOf("'", pos + 1);
  if (end === -1) bail();
  const node = leaf('raw_string', true, pos, end + 1);
  pos = end + 1;
  return node;
}

/**
 * A run of word characters, with backslash escapes (`\;`, `\"`, `\$`, `a\ b`) as tree-sitter-bash's
 * `word` token takes them: a backslash and any character but a line break (a continuation inside a
 * word, which splits it) or, at the start, a blank.
 */
function parseWord(): Building {
  const start = pos;
  // A word cannot start with `#` (a comment, or tree-sitter's comment-word inside a concatenation).
  // One starting with `=` is a word (`chmod =2775 f`; parseUnit leaves it as a command name), but
  // `==` and `=~` are tree-sitter-bash's test operators, lexed apart even outside a test.
  if (text[pos] === '#' || (text[pos] === '=' && (text[pos + 1] === '=' || text[pos + 1] === '~'))) bail();
  for (;;) {
    while (pos < text.length && !endsWord(text[pos] as string)) pos++;
    if (text[pos] !== '\\') break;
    const next = text[pos + 1];
    if (next === undefined || next === '\n' || (pos === start && isBlank(next))) bail();
    pos += 2;
  }
  const word = text.slice(start, pos);
  if (KEYWORDS.has(word) || BASED_NUMBER.test(word)) bail();
  return leaf(NUMBER.test(word) ? 'number' : 'word', true, start, pos);
}

/**
 * `$NAME`, `$1`, `$?` (the special parameters), `${…}` or `$(…)`; a bare `$`, `$'…'`, `$"…"` and
 * arithmetic bail.
 */
function parseExpansion(): Building {
  const start = pos;
  const next = text[pos + 1];
  if (next === '(') return parseSubstitution();
  if (next === '{') return parseBraced();
  pos++;
  const dollar = leaf('$', false, start, pos);
  if (next !== undefined && SPECIAL_PARAMETERS.includes(next)) {
    pos++;
    // tree-sitter-bash reads `$*ax=1` as a variable_name `*ax`: a name glued on is left to it.
    if (isNameChar(text.charCodeAt(pos))) bail();
    return inner('simple_expansion', [dollar, leaf('special_variable_name', true, start + 1, pos)]);
  }
  return inner('simple_expansion', [dollar, parameterName()]);
}

/**
 * The one-character special parameters (`$?`, `$@`, …) but `$_`, which is also a name's start, and
 * `$-`, after which tree-sitter-bash can read a blank and the next word into a variable_name
 * (`$- 0x1x=1`).
 */
const SPECIAL_PARAMETERS = '@?#$!*';

/**
 * A name after `$` or `${`: tree-sitter-bash reads `\w+` (so `$1a` is one variable_name, `1a`), and
 * `_` alone as a special_variable_name.
 */
function parameterName(): Building {
  const start = pos;
  while (isNameChar(text.charCodeAt(pos))) pos++;
  if (pos === start) bail();
  const special = pos === start + 1 && text[start] === '_';
  return leaf(special ? 'special_variable_name' : 'variable_name', true, start, pos);
}

/**
 * `${NAME}`, `${#NAME}` (length), `${!NAME}` (indirection), `${@}`, and `${NAME` + one of `:-` `-`
 * `:=` `=` `:+` `+` `:?` `?` + an operand, or `#` `##` `%` `%%` + a pattern, `}`. Slicing (`${A:1}`),
 * replacement (`${A/x/y}`), case operators, subscripts and anything unusual in an operand bail: the
 * grammar lexes those operands through scanner states that this parser does not imitate.
 */
function parseBraced(): Building {
  const children = [leaf('${', false, pos, pos + 2)];
  pos += 2;
  const first = text[pos];
  if (first === '#' || first === '!') {
    // `${#}` and `${!}` are operators alone, `${#@}` and `${!A*}` other shapes: only `${#NAME}`, `${!NAME}`.
    children.push(leaf(first, false, pos, pos + 1));
    pos++;
    if (!isLetter(text.charCodeAt(pos)) && text[pos] !== '_') bail();
    children.push(parameterName());
  } else if (first === '@' || first === '*' || first === '?') {
    children.push(leaf('special_variable_name', true, pos, pos + 1));
    pos++;
  } else {
    // Digits alone (`${10}`) or a name; `${1a}` bails.
    const name = parameterName();
    if (isDigit(text.charCodeAt(name.startIndex)) && !allDigits(name.startIndex, name.endIndex)) bail();
    children.push(name);
    // After digits or `_` the grammar's scanner takes a run of `#`, `!` and `=` as operators of their
    // own (`${1#!}` is `${`, `1`, `#!`, `}`): such an operator is left to it.
    const c = text[pos];
    if (name.type === 'special_variable_name' || isDigit(text.charCodeAt(name.startIndex))) {
      if (c === '=' || c === '!' || (c === '#' && '#!='.includes(text[pos + 1] as string))) bail();
    }
    if (c !== '}') parseExpansionOperator(children);
  }
  if (text[pos] !== '}') bail();
  children.push(leaf('}', false, pos, pos + 1));
  pos++;
  return inner('expansion', children);
}

function allDigits(start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (!isDigit(text.charCodeAt(at))) return false;
  return true;
}

/** The operator after `${NAME` and its operand, pushed onto `children`. */
function parseExpansionOperator(children: Building[]): void {
  const start = pos;
  const c = text[pos];
  if (c === '#' || c === '%') {
    const double = text[pos + 1] === c;
    pos += double ? 2 : 1;
    children.push(leaf(double ? c + c : c, false, start, pos));
    children.push(parsePatternOperand(false));
    return;
  }
  if (c === '/') {
    // `${A/pattern/replacement}` (and `//`, `/#`, `/%`): the pattern as above, up to a `/`; the
    // replacement lexes like the operand of `:-`, but for one that starts with a digit (`1` is a
    // number there).
    const next = text[pos + 1];
    pos += next === '/' || next === '#' || next === '%' ? 2 : 1;
    children.push(leaf(text.slice(start, pos), false, start, pos));
    children.push(parsePatternOperand(true));
    if (text[pos] === '/') {
      children.push(leaf('/', false, pos, pos + 1));
      pos++;
      if (isDigit(text.charCodeAt(pos))) bail();
      if (text[pos] !== '}') children.push(parseDefault());
    }
    return;
  }
  if (c === ':') pos++;
  const operator = text[pos];
  if (operator !== '-' && operator !== '=' && operator !== '+' && operator !== '?') bail();
  pos++;
  children.push(leaf(text.slice(start, pos), false, start, pos));
  if (text[pos] !== '}') children.push(parseDefault());
}

/**
 * The operand of `${A:-…}` and the like: one expansion, quoted string, or word. tree-sitter-bash
 * splits a word that starts with a name followed by `-`, `+`, `=`, `#`, `%` or `[` into a
 * variable_name and a word (`${A:-a-b}`), and lexes blanks into the word (`${A:- x}`); so a word is
 * taken only of word characters, `+` and `-`, and `.` `/` `:` `,` `*` `^` `~`, and where a leading
 * name is followed by `}` or one of the latter.
 */
function parseDefault(): Building {
  const c = text[pos];
  let operand: Building;
  if (c === '$') {
    // Its expansion-word scanner reads `$` before anything but a letter, digit, `{` or `(` as a word
    // (`${A:-$@}` has a word `$@`).
    const next = text.charCodeAt(pos + 1);
    if (!isLetter(next) && !isDigit(next) && next !== 123 /* { */ && next !== 40 /* ( */) bail();
    operand = parseExpansion();
  } else if (c === '"') {
    operand = parseString();
  } else if (c === "'") {
    operand = parseRawString();
  } else {
    const start = pos;
    while (isNameChar(text.charCodeAt(pos))) pos++;
    if (pos > start && text[pos] !== '}' && !'./:,*^~'.includes(text[pos] as string)) bail();
    while (text[pos] !== '}') {
      if (!isNameChar(text.charCodeAt(pos)) && !'./:,*^~+-'.includes(text[pos] as string)) bail();
      pos++;
    }
    if (pos === start) bail();
    operand = leaf('word', true, start, pos);
  }
  if (text[pos] !== '}') bail();
  return operand;
}

/**
 * The pattern of `${A#…}`, `${A%%…}` (and, up to a `/`, of `${A/…/…}`): tree-sitter-bash's scanner
 * reads it as one `regex` up to the closing brace. Taken only when it is word characters, glob
 * characters and bracket expressions (`*-`, `[a-z]*`, `/php`): quotes, `$`, backslashes, blanks and
 * nested braces or parentheses are lexed differently there, and an empty pattern (`${A##}`) changes
 * the operator.
 */
function parsePatternOperand(toSlash: boolean): Building {
  const start = pos;
  let brackets = 0;
  while (text[pos] !== '}' && !(toSlash && text[pos] === '/')) {
    const c = text[pos] as string;
    if (c === '[') {
      brackets++;
    } else if (c === ']') {
      if (brackets === 0) bail();
      brackets--;
    } else if (!isNameChar(text.charCodeAt(pos)) && !'./:,*^~+=#%!?@-'.includes(c)) {
      bail();
    }
    pos++;
  }
  if (pos === start) bail();
  return leaf('regex', true, start, pos);
}

/** `$(list)`, as a subshell's list (line breaks included); `$((` arithmetic bails. */
function parseSubstitution(): Building {
  if (text[pos + 2] === '(') bail();
  return parseParenthesized('command_substitution', '$(');
}

/**
 * A double-quoted string of text (backslash escapes and line breaks included), expansions and
 * `$(…)`; backticks bail.
 */
function parseString(): Building {
  const children = [leaf('"', false, pos, pos + 1)];
  pos++;
  for (;;) {
    // tree-sitter-bash skips line breaks between the string's tokens, and folds the blanks and line
    // continuations after the last of them into the next token: `"a\n  b"` has string_content "a"
    // and "  b", `"$a $b"` a `$` node " $" (its simple_expansion starts there too), `"$a "` a closing
    // quote node ` "`.
    let start = pos;
    for (;;) {
      const c = text[pos];
      if (c === ' ' || c === '\t') {
        pos++;
      } else if (c === '\\' && text[pos + 1] === '\n') {
        pos += 2;
      } else if (c === '\n') {
        pos++;
        start = pos;
      } else {
        break;
      }
    }
    const c = text[pos];
    if (c === undefined || c === '`') bail();
    if (c === '"') {
      children.push(leaf('"', false, start, pos + 1));
      pos++;
      return inner('string', children);
    }
    if (c === '$') {
      const expansion = parseExpansion();
      expansion.startIndex = start;
      (expansion.children[0] as Building).startIndex = start;
      children.push(expansion);
      continue;
    }
    for (;;) {
      const d = text[pos];
      if (d === '\\') {
        // An escaped character, a line continuation included, is string content.
        if (pos + 1 >= text.length) bail();
        pos += 2;
      } else if (d === undefined || d === '"' || d === '$' || d === '`' || d === '\n') {
        break;
      } else {
        pos++;
      }
    }
    children.push(leaf('string_content', true, start, pos));
  }
}
