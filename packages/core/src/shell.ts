import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';
import type { TextRange } from './source.js';

// tree-sitter needs a one-time asynchronous WASM load. Doing it here, at module load, keeps
// every later call synchronous: importing @dockfix/core is the only await a caller needs.
const require = createRequire(import.meta.url);
await Parser.init();
const bash = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
const parser = new Parser();
parser.setLanguage(bash);

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

/** A simple command: `name arg…`, with any `VAR=value` prefixes. */
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
  const tree = parser.parse(prepared);
  if (!tree) return { text: original, offset, commands: [], hasError: true, statementCount: 0 };
  try {
    const root = tree.rootNode;
    const commands: ShellCommand[] = [];
    collectCommands(root, original, offset, commands);
    const statementCount = root.namedChildren.filter((child) => child !== null && child.type !== 'comment').length;
    return { text: original, offset, commands, hasError: root.hasError, statementCount };
  } finally {
    tree.delete();
  }
}

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

function collectCommands(node: Node, original: string, offset: number, out: ShellCommand[]): void {
  if (node.type === 'command') {
    const command = toCommand(node, original, offset);
    if (command) out.push(command);
  }
  for (const child of node.namedChildren) {
    if (child) collectCommands(child, original, offset, out);
  }
}

function toCommand(node: Node, original: string, offset: number): ShellCommand | null {
  let nameWord: ShellWord | null = null;
  const args: ShellWord[] = [];
  const assignments: ShellWord[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'command_name') {
      const inner = child.namedChild(0) ?? child;
      nameWord = toWord(inner, original, offset);
    } else if (child.type === 'variable_assignment') {
      assignments.push(toWord(child, original, offset));
    } else if (nameWord && WORD_TYPES.has(child.type)) {
      args.push(toWord(child, original, offset));
    }
  }
  if (!nameWord) return null;
  return {
    name: nameWord.value,
    nameWord,
    args,
    assignments,
    range: { start: offset + node.startIndex, end: offset + node.endIndex },
    unconditional: isUnconditional(node),
    inPipeline: node.parent?.type === 'pipeline',
  };
}

function toWord(node: Node, original: string, offset: number): ShellWord {
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

function isUnconditional(node: Node): boolean {
  let current: Node = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (CONDITIONAL_ANCESTORS.has(parent.type)) return false;
    if (parent.type === 'list') {
      // In `a || b`, b runs only when a fails.
      const operator = parent.children.find((child) => child !== null && (child.type === '||' || child.type === '&&'));
      const isRight = parent.lastChild?.id === current.id;
      if (operator?.type === '||' && isRight) return false;
    }
  }
  return true;
}
