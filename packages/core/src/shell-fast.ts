// A hand-written parser for the simple RUN bodies that make up most Dockerfiles: words (backslash
// escapes included), quotes, `$VAR` and the special parameters (`$1`, `$@`, `$?`, …), `${VAR}`,
// `${VAR:-word}` and its kin, `${VAR%%pattern}` and its kin, `${#VAR}`, `$(…)` of one or more
// statements, `VAR=value` prefixes and bare assignments, `export`/`unset`, redirections and
// `&&`/`||`/`|`/`;`/newline lists.
// Why: parsing with tree-sitter means crossing into its WebAssembly for the parse and for every node
// of the copy (`mirror` in shell.ts), about a third of `lint()` over the corpus; and a one-file CLI
// run that never needs tree-sitter skips loading its WebAssembly (about 20 ms of a 140 ms run).
// The contract: for a body it accepts, it returns exactly the tree `mirror()` makes of
// tree-sitter-bash 0.25.1's parse (same node types, named flags, ranges, field ids, children); for
// anything it is not certain of it returns null and tree-sitter parses the body. Bodies with a
// syntax error are never accepted (hasError is false for every tree returned here).
// packages/core/test/shell-fast.test.ts holds it to that over every RUN body of the corpus and
// examples/ and over random bodies; tree-sitter-bash quirks it found are left to tree-sitter below.
import type { SyntaxNode } from './syntax-node.js';

/**
 * tree-sitter-bash's field ids, as constants: the fast path has no language to ask. Only the
 * children of `variable_assignment` (and of `function_definition` and `for_statement`, which the
 * fast path never builds) carry one in the mirrored tree. A test compares them with `fieldIdForName`.
 */
export const FIELD_IDS = { name: 12, value: 18, variable: 19 } as const;

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
/** How many `$(` the parser is inside: there a `)` ends the command. */
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
  while (pos < text.length) {
    children.push(parseStatement());
    skipBlanks(false);
    const c = text[pos];
    if (c === ';') {
      if (text[pos + 1] === ';') bail();
      children.push(leaf(';', false, pos, pos + 1));
      pos++;
    } else if (c !== '\n' && c !== undefined) {
      bail();
    } else {
      longPipelineLine ||= longPipeline;
    }
    skipBlanks(true);
  }
  const root: Building = { type: 'program', isNamed: true, startIndex: start, endIndex: text.length, fieldId: 0, parent: null, index: 0, children };
  children.forEach((child, index) => {
    child.parent = root;
    child.index = index;
  });
  return root;
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
      // Inside `$(…)` a redirection after a long pipeline nests as `a | (b | c > f)`: left to it.
      if (longPipelineLine || (longPipeline && depth > 0)) bail();
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

/** A simple command with its `VAR=value` prefixes, or bare assignments. */
function parseUnit(): Building {
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
    // reads a line break after two or more assignments, or after `VAR=`, as a blank
    // (`A=1 B=2` newline `cmd` is one command).
    if (assignments.length === 0 || startsRedirect()) bail();
    if (text[pos] === '\n' && (assignments.length > 1 || (assignments[0] as Building).children.length < 3)) bail();
    return assignments.length === 1 ? (assignments[0] as Building) : inner('variable_assignments', assignments);
  }
  const nameStart = pos;
  const name = parseLiteral(0);
  // A number as a command name, or a word with `=` that was not an assignment (`A+=1`, `=x`); `!`
  // (negation, `!a` glued) and `{}` are left to tree-sitter in that place.
  const nameText = text.slice(nameStart, pos);
  if (name.type === 'number' || (name.type === 'word' && nameText.includes('=')) || nameText.includes('!') || nameText.includes('{')) bail();
  const children = [...assignments, inner('command_name', [name])];
  for (;;) {
    skipBlanks(false);
    if (!startsLiteral()) break;
    children.push(parseLiteral(0));
  }
  return inner('command', children);
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
  // `VAR=` with nothing after it has no value node (tree-sitter's hidden _empty_value).
  if (startsLiteral()) children.push(parseLiteral(FIELD_IDS.value));
  // `$(A=)` is an error to tree-sitter-bash.
  else if (c === '<' || c === '>' || c === ')' || !endsCommand(c)) bail();
  return inner('variable_assignment', children);
}

/** True where a word, quote or `$` starts (not an operator, a redirection or the end of the command). */
function startsLiteral(): boolean {
  return !endsCommand(text[pos]) && !startsDescriptor();
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

/**
 * `$(…)`: the statements up to the closing parenthesis, on one line or several; `$((` arithmetic
 * bails.
 */
function parseSubstitution(): Building {
  const start = pos;
  if (text[pos + 2] === '(') bail();
  pos += 2;
  depth++;
  const outerLongPipeline = longPipeline;
  const statements = parseStatementsUntil(')');
  longPipeline = outerLongPipeline;
  const children = [leaf('$(', false, start, start + 2), ...statements, leaf(')', false, pos, pos + 1)];
  pos++;
  depth--;
  return inner('command_substitution', children);
}

/**
 * The statements of `$(…)` up to `closer`, separated by `;` and line breaks as in a program
 * (tree-sitter-bash's `_statements`). Kept to what a substitution needs: the statement-level work
 * (compound commands, branch perf/fast-compound) can reuse or replace it. A pipeline of three or
 * more is taken only as the last statement (see longPipeline).
 */
function parseStatementsUntil(closer: string): Building[] {
  const statements: Building[] = [];
  skipBlanks(true);
  while (text[pos] !== closer) {
    statements.push(parseStatement());
    const long = longPipeline;
    skipBlanks(false);
    if (text[pos] === ';') {
      if (text[pos + 1] === ';') bail();
      statements.push(leaf(';', false, pos, pos + 1));
      pos++;
    } else if (text[pos] !== '\n' && text[pos] !== closer) {
      bail();
    }
    skipBlanks(true);
    if (long && text[pos] !== closer) bail();
  }
  if (statements.length === 0) bail();
  return statements;
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
