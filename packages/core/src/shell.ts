// fs.promises, read where it is used: importing node:fs/promises would load it (~1 ms, with
// Node's readline and fs watchers) in every CLI run, and a one-file lint uses none of it.
import { promises as fsPromises } from 'node:fs';
import { createRequire } from 'node:module';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { FIELD_IDS, parseSimpleShell } from './shell-fast.js';
import type { TextRange } from './source.js';
import type { SyntaxNode } from './syntax-node.js';

// tree-sitter needs a one-time asynchronous WASM load, after which every call is synchronous. It
// starts on demand (loadShellParser): the package entry awaits it (shell-loaded.ts), so importing
// @dockfix/core is the only await a library caller needs, while the CLI bundle, which leaves that
// entry out, loads it only for a body the fast path (shell-fast.ts) does not take.
const require = createRequire(import.meta.url);
let parser: Parser | null = null;

/** Thrown by {@link parseShell} for a body that needs tree-sitter before {@link loadShellParser} has resolved. */
export class ShellParserNotLoadedError extends Error {
  constructor() {
    super('the shell parser is not loaded: await loadShellParser() (or import @dockfix/core, which does) first');
    this.name = 'ShellParserNotLoadedError';
  }
}

let loading: Promise<void> | null = null;
let settleReady!: (load: Promise<void>) => void;

/**
 * Resolves once the shell parser is loaded; {@link parseShell} needs it for bodies the fast path does
 * not take. After `import('@dockfix/core')` it has always resolved. It settles with the first
 * {@link loadShellParser} call, and is not a top-level await here, for the CLI bundle
 * (scripts/bundle-cli.mjs): V8 caches the compiled code of a classic script only, and a script
 * cannot have a top-level await, so the bundle leaves shell-loaded.ts out and loads the parser
 * itself when a file needs it.
 */
export const shellReady: Promise<void> = new Promise<void>((resolve) => {
  settleReady = resolve;
});
// A failed load surfaces where it is awaited; a CLI run that never lints must not die of an
// unhandled rejection instead.
shellReady.catch(() => undefined);

/** Loads tree-sitter and its bash grammar (once; later calls get the same promise). */
export function loadShellParser(): Promise<void> {
  if (!loading) {
    loading = loadBashParser().then((loaded) => {
      parser = loaded;
      typeNames = loaded.language?.types ?? [];
    });
    settleReady(loading);
  }
  return loading;
}

/**
 * Compiles tree-sitter and its bash grammar with V8's baseline compiler (Liftoff) only.
 *
 * Why: with V8's default dynamic tiering, the grammar's lexer (one huge function) gets hot within
 * the first parses and V8 starts re-compiling it with TurboFan on a background thread. Node drains
 * every background task before the process exits (and `process.exit()` waits too), so a one-shot
 * process that lints one file pays for that compile: ~0.6-0.9 s of extra wall time on a 2-core
 * machine (node 20: 0.3 s → 1.0 s for `import('dockfix')` + one `lint()`). TurboFan's code is no
 * faster here anyway: parsing is dominated by crossing the WASM boundary (6,000 parses measured:
 * 3.15 s Liftoff-only, 3.27 s with tier-up). The flag is set around the two loads and put back
 * afterwards, but that is not the whole story: `--liftoff-only` implies `--no-wasm-tier-up
 * --no-wasm-dynamic-tiering`, which `--no-liftoff-only` does not undo, and V8 compiles functions
 * lazily, with the flags of the moment, on their first call. So tier-up stays off for the rest of
 * the process, this parser's later compiles and other WebAssembly in the caller's process alike
 * (turning it back on made the parser tier up: 0.5 s → 7.6 s for 300 parses on a loaded machine).
 * A process started with `--liftoff-only` keeps it.
 */
async function loadBashParser(): Promise<Parser> {
  // Read before the flag below changes. In the CLI bundle web-tree-sitter's JavaScript is a script of
  // its own, loaded on this first read of its exports (scripts/bundle-cli.mjs), and V8 rejects a
  // code cache compiled under other flags. (An import() here instead of the static import made
  // `import('dockfix')` and a lint ~20 ms of CPU slower.)
  const runtime = { Language, Parser };
  const alreadySet = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('--liftoff-only'));
  // Required here, not imported: node:v8 loads Node's stream modules (~1.5 ms), which a CLI run
  // whose files need no tree-sitter never loads otherwise.
  const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
  if (!alreadySet) setFlagsFromString('--liftoff-only');
  try {
    // Told where its .wasm is rather than looking beside its own JavaScript: the CLI bundle has
    // web-tree-sitter's JavaScript in a script of its own, code-cached like the rest.
    await runtime.Parser.init({ locateFile: () => require.resolve('web-tree-sitter/web-tree-sitter.wasm') });
    // The bytes, not the path: for a path web-tree-sitter runs `import('fs/promises')`, which in the
    // CommonJS CLI (bin/, bundle/cli.cjs) would start Node's ES module loader for that alone.
    // (Reading and compiling the grammar while the runtime initialises measured no faster.)
    const language = await runtime.Language.load(await fsPromises.readFile(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')));
    const created = new runtime.Parser();
    created.setLanguage(language);
    return created;
  } finally {
    if (!alreadySet) setFlagsFromString('--no-liftoff-only');
  }
}

/** One shell word (an argument or command name), with its range in the Dockerfile text. */
export interface ShellWord {
  /** The text as written, quotes included. */
  readonly text: string;
  /** The word with quotes removed, when it has no expansions; otherwise the text as written. */
  readonly value: string;
  /** True when the word contains `$`, backticks or globs whose value is only known at build time. */
  readonly dynamic: boolean;
  readonly range: TextRange;
}

/**
 * A simple command: `name arg…`, with any `VAR=value` prefixes. Declaration builtins (`export`,
 * `local`, `declare`, `readonly`, `typeset`) and `unset` are listed too, with their operands as args.
 */
export interface ShellCommand {
  readonly name: string;
  readonly nameWord: ShellWord;
  readonly args: readonly ShellWord[];
  readonly assignments: readonly ShellWord[];
  readonly range: TextRange;
  /**
   * True when the command runs whenever the script runs and the commands before it succeed:
   * not inside `if`/loops/`case`/functions and not on the right of `||`.
   */
  readonly unconditional: boolean;
  /** True when it is one stage of a pipeline. */
  readonly inPipeline: boolean;
  /**
   * True inside `( … )`, `$( … )`, backticks or `<( … )`: what it does to the shell (`cd`, variables)
   * ends with that subshell.
   */
  readonly inSubshell: boolean;
  /** The command with the redirections written after it (`npm ci > log 2>&1`); equal to `range` when there are none. */
  readonly statementRange: TextRange;
  /**
   * The `&&`/`||` right after the command in its and-or list; null when the command ends the list.
   * A command followed by one of them is exempt from `set -e`.
   */
  readonly followedBy: '&&' | '||' | null;
}

/** A top-level statement: one command, pipeline, compound command or `&&`/`||` list. */
export interface ShellStatement {
  /** The tree-sitter-bash node type: `command`, `list`, `pipeline`, `if_statement`, `variable_assignment`, … */
  readonly type: string;
  readonly range: TextRange;
  /** The `&&`/`||` operators that join the parts of this statement, left to right; empty when there are none. */
  readonly operators: readonly ('&&' | '||')[];
  /** The `;` or `&` written after it; null when a line break or the end of the script ends it. */
  readonly terminator: { readonly text: ';' | '&'; readonly range: TextRange } | null;
}

/** A name the script defines in the running shell without a simple command: `VAR=value`, `f() {…}`, `for VAR in …`. */
export interface ShellDefinition {
  readonly kind: 'variable' | 'function' | 'loop-variable';
  readonly name: string;
  readonly range: TextRange;
  /** True inside a subshell, where the definition does not outlive it. */
  readonly inSubshell: boolean;
}

/** A RUN body parsed as POSIX shell. */
export interface ShellScript {
  /** The body text as written in the Dockerfile. */
  readonly text: string;
  /** Where the body starts in the Dockerfile text; every range below is already absolute. */
  readonly offset: number;
  readonly commands: readonly ShellCommand[];
  /** True when the parser had to recover from a syntax error; commands outside the error are still listed. */
  readonly hasError: boolean;
  /** Top-level statements separated by `;`, newline or `&`, in order: the units a merge must keep apart. */
  readonly statementCount: number;
  /** The top-level statements themselves (`statementCount` of them), in order. */
  readonly statements: readonly ShellStatement[];
  /** Shell comments (`# …` to the end of the line); Dockerfile comment lines inside a continuation are not listed. */
  readonly comments: readonly TextRange[];
  /** Variables and functions defined outside simple commands, in order (see {@link ShellDefinition}). */
  readonly definitions: readonly ShellDefinition[];
}

const WORD_TYPES = new Set([
  'word',
  'string',
  'raw_string',
  'ansi_c_string',
  'translated_string',
  'concatenation',
  'simple_expansion',
  'expansion',
  'command_substitution',
  'number',
  'arithmetic_expansion',
  'process_substitution',
]);

const CONDITIONAL_ANCESTORS = new Set([
  'if_statement',
  'elif_clause',
  'else_clause',
  'while_statement',
  'for_statement',
  'c_style_for_statement',
  'case_statement',
  'case_item',
  'function_definition',
]);

/**
 * Parses a shell body. `prepared` must have the same length as the original body, with
 * Dockerfile-only syntax already neutralised (see {@link prepareShellText}); `offset` is where the
 * body starts in the Dockerfile text, so that every range reported is absolute.
 */
export function parseShell(original: string, prepared: string, offset: number): ShellScript {
  // The fixer re-lints the whole file after every pass, and most RUN bodies come back unchanged
  // (often at another offset): parse each body once and move the ranges.
  // Only inside withShellParseCache: a one-off lint pays nothing for it and no text outlives the call.
  if (!parseCache) return parseUncached(original, prepared, offset);
  const key = prepared === original ? original : `${original}\u0000${prepared}`;
  let cached = parseCache.get(key);
  if (!cached) {
    cached = { script: parseUncached(original, prepared, 0), last: null };
    parseCache.set(key, cached);
  }
  if (offset === 0) return cached.script;
  // A body that did not move (the fixes of the pass were all after it) gets the very script of the last
  // pass: no copy, and what rules remember per command (`unwrap`, tool calls) is still theirs.
  if (cached.last?.offset !== offset) cached.last = shiftScript(cached.script, offset);
  return cached.last;
}

/** Parsed bodies at offset 0 by text, and the last copy handed out, while a {@link withShellParseCache} call runs. */
let parseCache: Map<string, { readonly script: ShellScript; last: ShellScript | null }> | null = null;

/** Runs `work` with shell bodies parsed once each: for the fixer, which re-lints mostly unchanged text after every pass. */
export function withShellParseCache<T>(work: () => T): T {
  if (parseCache) return work();
  parseCache = new Map();
  try {
    return work();
  } finally {
    parseCache = null;
  }
}

/** A copy of a script with every range moved by `delta` (results are immutable, so a copy per caller is safe). */
function shiftScript(script: ShellScript, delta: number): ShellScript {
  const range = (r: TextRange): TextRange => ({ start: r.start + delta, end: r.end + delta });
  const word = (w: ShellWord): ShellWord => ({ ...w, range: range(w.range) });
  return {
    ...script,
    offset: script.offset + delta,
    commands: script.commands.map((c) => ({
      ...c,
      nameWord: word(c.nameWord),
      args: c.args.map(word),
      assignments: c.assignments.map(word),
      range: range(c.range),
      statementRange: range(c.statementRange),
    })),
    statements: script.statements.map((st) => ({ ...st, range: range(st.range), terminator: st.terminator ? { ...st.terminator, range: range(st.terminator.range) } : null })),
    comments: script.comments.map(range),
    definitions: script.definitions.map((d) => ({ ...d, range: range(d.range) })),
  };
}

function parseUncached(original: string, prepared: string, offset: number): ShellScript {
  // Simple bodies (most of them) need no tree-sitter: same tree, a fraction of the cost.
  const simple = parseSimpleShell(prepared);
  const parsed = simple ? { root: simple, hasError: false } : parseWithTreeSitter(prepared);
  if (!parsed) {
    return { text: original, offset, commands: [], hasError: true, statementCount: 0, statements: [], comments: [], definitions: [] };
  }
  const { root, hasError } = parsed;
  const found: Collected = { commands: [], comments: [], definitions: [] };
  collect(root, original, offset, false, found);
  const statements = topLevelStatements(root, offset);
  return {
    text: original,
    offset,
    commands: found.commands,
    hasError,
    statementCount: statements.length,
    statements,
    comments: found.comments,
    definitions: found.definitions,
  };
}

/**
 * What the fast path's tests check against the loaded bash grammar, null before {@link loadShellParser};
 * not exported from the package. (A structural type: web-tree-sitter's own types need the DOM
 * library, which a consumer typechecking @dockfix/core's declarations may not have.)
 */
export function loadedShellLanguage(): { fieldIdForName(name: string): number | null; readonly types: readonly string[] } | null {
  return parser?.language ?? null;
}

/**
 * tree-sitter's tree of a body, copied out of its WebAssembly memory (see {@link mirror}); null when
 * tree-sitter gives none. Exported for the fast path's differential test, not from the package.
 */
export function parseWithTreeSitter(prepared: string): { readonly root: SyntaxNode; readonly hasError: boolean } | null {
  if (!parser) throw new ShellParserNotLoadedError();
  const tree = parser.parse(prepared);
  if (!tree) return null;
  try {
    return { root: mirror(tree), hasError: tree.rootNode.hasError };
  } finally {
    tree.delete();
  }
}

/** Types whose children are told apart by field (`name`, `variable`): only their children ask the cursor for it. */
const FIELD_PARENTS = new Set(['variable_assignment', 'function_definition', 'for_statement']);

/** Node type names and whether they are named, by type id: one lookup instead of two WASM calls per node. */
let typeNames: readonly string[] = [];
const namedTypes: boolean[] = [];
function isNamedType(typeId: number): boolean {
  let named = namedTypes[typeId];
  if (named === undefined) named = namedTypes[typeId] = parser?.language?.nodeTypeIsNamed(typeId) ?? true;
  return named;
}

/**
 * Copies the tree in one cursor walk, without descending into node types that never hold commands.
 * Every property of a tree-sitter `Node` is a call across the WASM boundary (and `children`
 * allocates a Node per child), which made walking the tree the largest cost of linting: copying the
 * tree once with a TreeCursor and walking plain objects is ~3x cheaper.
 */
function mirror(tree: Tree): SyntaxNode {
  const cursor = tree.walk();
  try {
    const make = (parent: SyntaxNode | null): SyntaxNode => {
      const typeId = cursor.nodeTypeId;
      const node: SyntaxNode = {
        // tree-sitter names error nodes (type id 65535) "ERROR".
        type: typeNames[typeId] || 'ERROR',
        isNamed: !typeNames[typeId] || isNamedType(typeId),
        startIndex: cursor.startIndex,
        endIndex: cursor.endIndex,
        fieldId: parent && FIELD_PARENTS.has(parent.type) ? cursor.currentFieldId : 0,
        parent,
        index: parent ? parent.children.length : 0,
        children: [],
      };
      parent?.children.push(node);
      return node;
    };
    const root = make(null);
    if (LEAF_TYPES.has(root.type) || !cursor.gotoFirstChild()) return root;
    let parent = root;
    for (;;) {
      const node = make(parent);
      if (!LEAF_TYPES.has(node.type) && cursor.gotoFirstChild()) {
        parent = node;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        cursor.gotoParent();
        if (parent === root || !parent.parent) return root;
        parent = parent.parent;
      }
    }
  } finally {
    cursor.delete();
  }
}

const namedChildren = (node: SyntaxNode): SyntaxNode[] => node.children.filter((child) => child.isNamed);
const firstNamedChild = (node: SyntaxNode): SyntaxNode | undefined => node.children.find((child) => child.isNamed);
const lastNamedChild = (node: SyntaxNode): SyntaxNode | undefined => node.children.findLast((child) => child.isNamed);
const childForField = (node: SyntaxNode, fieldId: number): SyntaxNode | undefined => node.children.find((child) => child.fieldId === fieldId);

/**
 * Makes Dockerfile RUN text parseable as shell without changing its length: comment and empty
 * lines inside a continuation (BuildKit drops them) become spaces, a backtick escape before a line break becomes
 * a backslash, and CR of CRLF becomes a space.
 */
export function prepareShellText(body: string, escapeChar: string, stripContinuationComments: boolean): string {
  let text = body;
  if (escapeChar !== '\\') {
    text = text.replace(/`([ \t]*)(\r?\n)/g, (_match, spaces: string, eol: string) => `\\${spaces}${eol}`);
  }
  // `\` + CR + LF: move the backslash next to the LF so the continuation survives.
  text = text.replace(/\\([ \t]*)\r\n/g, (_match, spaces: string) => ` ${spaces}\\\n`);
  text = text.replace(/\r\n/g, ' \n');
  // Whitespace after the continuation backslash is allowed by Docker but not by sh.
  text = text.replace(/\\([ \t]+)\n/g, (_match, spaces: string) => `${spaces}\\\n`);
  if (stripContinuationComments) {
    // The Dockerfile parser drops comment lines and empty lines inside a continuation before the
    // shell sees the text. Their line breaks go too: a blank line would end the shell command.
    text = text.replace(/(?<=\n)[ \t]*(?:#[^\n]*)?(?:\n|$)/g, (line) => ' '.repeat(line.length));
  }
  return text;
}

interface Collected {
  commands: ShellCommand[];
  comments: TextRange[];
  definitions: ShellDefinition[];
}

/** Nodes whose commands run in a child shell, so `cd` or `VAR=…` inside them does not outlive them. */
const SUBSHELL_TYPES = new Set(['subshell', 'command_substitution', 'process_substitution']);

/** Node types that never contain a command, comment or definition: the walk does not descend into them. */
const LEAF_TYPES = new Set([
  'word',
  'raw_string',
  'number',
  'variable_name',
  'string_content',
  'ansi_c_string',
  'special_variable_name',
  'file_descriptor',
  'heredoc_start',
  'heredoc_end',
  'regex',
  'test_operator',
]);

function collect(node: SyntaxNode, original: string, offset: number, inSubshell: boolean, out: Collected): void {
  const type = node.type;
  if (LEAF_TYPES.has(type)) return;
  const range = { start: offset + node.startIndex, end: offset + node.endIndex };
  switch (type) {
    case 'command':
    case 'declaration_command':
    case 'unset_command': {
      const command = toCommand(node, original, offset, inSubshell);
      if (command) out.commands.push(command);
      break;
    }
    case 'comment':
      out.comments.push(range);
      break;
    case 'variable_assignment':
      // Prefix assignments (`FOO=1 cmd`) and declaration operands belong to their command.
      if (node.parent?.type !== 'command' && node.parent?.type !== 'declaration_command') {
        out.definitions.push({ kind: 'variable', name: nameOf(node, original), range, inSubshell });
      }
      break;
    case 'function_definition':
      out.definitions.push({ kind: 'function', name: nameOf(node, original), range, inSubshell });
      break;
    case 'for_statement': {
      const variable = childForField(node, FIELD_IDS.variable);
      if (variable) {
        const name = original.slice(variable.startIndex, variable.endIndex);
        out.definitions.push({ kind: 'loop-variable', name, range: { start: offset + variable.startIndex, end: offset + variable.endIndex }, inSubshell });
      }
      break;
    }
  }
  const childInSubshell = inSubshell || SUBSHELL_TYPES.has(type);
  for (const child of node.children) {
    if (child.isNamed) collect(child, original, offset, childInSubshell, out);
  }
}

function nameOf(node: SyntaxNode, original: string): string {
  const name = childForField(node, FIELD_IDS.name) ?? firstNamedChild(node);
  return name ? original.slice(name.startIndex, name.endIndex) : '';
}

function topLevelStatements(root: SyntaxNode, offset: number): ShellStatement[] {
  const statements: ShellStatement[] = [];
  for (const child of root.children) {
    const last = statements.at(-1);
    if (child.type === ';' || child.type === '&') {
      // tree-sitter may insert a zero-width `;` while recovering from an error: not a real terminator.
      if (last && last.terminator === null && child.endIndex > child.startIndex) {
        const terminator = { text: child.type, range: { start: offset + child.startIndex, end: offset + child.endIndex } } as const;
        statements[statements.length - 1] = { ...last, terminator };
      }
      continue;
    }
    if (!child.isNamed || child.type === 'comment') continue;
    statements.push({
      type: child.type,
      range: { start: offset + child.startIndex, end: offset + child.endIndex },
      operators: LIST_WRAPPERS.has(child.type) ? listOperators(child) : [],
      terminator: null,
    });
  }
  return statements;
}

/** Nodes an and-or list's operators can hide in: tree-sitter-bash parses `a || b > log | c` as a redirected, piped list. */
const LIST_WRAPPERS = new Set(['list', 'redirected_statement', 'pipeline', 'negated_command']);

function listOperators(list: SyntaxNode): ('&&' | '||')[] {
  const operators: ('&&' | '||')[] = [];
  for (const child of list.children) {
    if (LIST_WRAPPERS.has(child.type)) operators.push(...listOperators(child));
    else if (child.type === '&&' || child.type === '||') operators.push(child.type);
  }
  return operators;
}

function toCommand(node: SyntaxNode, original: string, offset: number, inSubshell: boolean): ShellCommand | null {
  let nameWord: ShellWord | null = null;
  const args: ShellWord[] = [];
  const assignments: ShellWord[] = [];
  const declaration = node.type !== 'command';
  if (declaration) {
    // `export`, `local`, `unset`, …: the keyword is an anonymous first child; every named child is an operand.
    const keyword = node.children[0];
    if (keyword) nameWord = toWord(keyword, original, offset);
  }
  for (const child of namedChildren(node)) {
    if (declaration) {
      if (child.type !== 'comment') args.push(toWord(child, original, offset));
    } else if (child.type === 'command_name') {
      const inner = firstNamedChild(child) ?? child;
      nameWord = toWord(inner, original, offset);
    } else if (child.type === 'variable_assignment') {
      assignments.push(toWord(child, original, offset));
    } else if (nameWord && WORD_TYPES.has(child.type)) {
      args.push(toWord(child, original, offset));
    }
  }
  if (!nameWord) return null;
  const statement = withRedirects(node);
  return {
    name: nameWord.value,
    nameWord,
    args,
    assignments,
    range: { start: offset + node.startIndex, end: offset + node.endIndex },
    unconditional: isUnconditional(node),
    inPipeline: statement.inPipeline,
    inSubshell,
    statementRange: { start: offset + node.startIndex, end: offset + statement.end },
    followedBy: followingOperator(node),
  };
}

/** The `&&`/`||` after a command: climbs out of lists it ends (and tree-sitter's redirected lists, see below). */
function followingOperator(node: SyntaxNode): '&&' | '||' | null {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return null;
    if (parent.type === 'redirected_statement' && firstNamedChild(parent) === current) {
      current = parent;
      continue;
    }
    if (parent.type !== 'list') return null;
    const next = parent.children[current.index + 1];
    if (next && (next.type === '&&' || next.type === '||')) return next.type;
    current = parent;
  }
}

/**
 * Where a command's statement ends once its redirections are counted, and whether it feeds a pipe.
 * `npm ci > log` is a redirected_statement around the command. tree-sitter-bash also parses
 * `a && b > log | c` as a redirection (and pipe) of the whole list `a && b`, where the shell applies
 * them to `b` alone; so a command that ends such a list gets them too.
 */
function withRedirects(node: SyntaxNode): { end: number; inPipeline: boolean } {
  let current = node;
  while (current.parent?.type === 'list' && lastNamedChild(current.parent) === current) current = current.parent;
  const parent = current.parent;
  if (parent?.type === 'redirected_statement' && firstNamedChild(parent) === current) {
    return { end: parent.endIndex, inPipeline: parent.parent?.type === 'pipeline' };
  }
  return { end: node.endIndex, inPipeline: node.parent?.type === 'pipeline' };
}

function toWord(node: SyntaxNode, original: string, offset: number): ShellWord {
  const text = original.slice(node.startIndex, node.endIndex);
  const dynamic = /[$`*?[]/.test(text.replace(/'[^']*'/g, ''));
  let value = text;
  if (!dynamic) {
    if (node.type === 'raw_string') value = text.slice(1, -1);
    else if (node.type === 'string') value = text.slice(1, -1).replace(/\\([$`"\\])/g, '$1');
    else value = text.replace(/'([^']*)'|"((?:[^"\\]|\\.)*)"|\\(.)/g, (_m, single?: string, double?: string, escaped?: string) => single ?? double ?? escaped ?? '');
  }
  return { text, value, dynamic, range: { start: offset + node.startIndex, end: offset + node.endIndex } };
}

function isUnconditional(node: SyntaxNode): boolean {
  let current: SyntaxNode = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (CONDITIONAL_ANCESTORS.has(parent.type)) return false;
    if (parent.type === 'list') {
      // In `a || b`, b runs only when a fails.
      const operator = parent.children.find((child) => child.type === '||' || child.type === '&&');
      const isRight = parent.children.at(-1) === current;
      if (operator?.type === '||' && isRight) return false;
    }
  }
  return true;
}
