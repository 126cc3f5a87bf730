// How the build reads a Dockerfile, written independently of dockfix's printer so that tests can
// compare a file before and after formatting: instructions come from dockerfile-ast, continuation
// lines are joined by a separate small joiner, RUN bodies become tree-sitter-bash tokens, heredoc
// bodies stay byte for byte, and blanks count only where BuildKit or the shell would care.
import { createRequire } from 'node:module';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { Language, Parser, type Node } from 'web-tree-sitter';

const require = createRequire(import.meta.url);
await Parser.init();
const bash = new Parser();
bash.setLanguage(await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')));

/** What the build reads from one instruction, in a form where irrelevant blanks are gone. */
export interface Reading {
  readonly keyword: string;
  readonly flags: readonly string[];
  readonly args: unknown;
  readonly heredocs: readonly string[];
}

const WHOLE_TOKENS = new Set(['string', 'raw_string', 'ansi_c_string', 'translated_string', 'comment', 'heredoc_body', 'heredoc_content']);
const STRING_INSTRUCTIONS = new Set(['MAINTAINER', 'USER', 'WORKDIR', 'STOPSIGNAL', 'SHELL']);

/** Shell tokens of a command line: words and strings as written, operators; blanks between them dropped. */
function shellTokens(body: string, escapeChar: string, fallback: boolean): string[] {
  const tree = bash.parse(body);
  if (!tree) return [body];
  // tree-sitter's error recovery can glue blanks into tokens; for text that is not valid shell,
  // fall back to BuildKit-style words when asked to.
  if (fallback && tree.rootNode.hasError) {
    tree.delete();
    return words(body, escapeChar);
  }
  const tokens: string[] = [];
  const walk = (node: Node) => {
    if (WHOLE_TOKENS.has(node.type) || node.childCount === 0) {
      tokens.push(`${node.type}:${node.text}`);
      return;
    }
    for (const child of node.children) if (child) walk(child);
  };
  walk(tree.rootNode);
  tree.delete();
  return tokens;
}

/** BuildKit-style words: split on blanks outside quotes, escapes kept. */
function words(text: string, escapeChar: string): string[] {
  const result: string[] = [];
  let word = '';
  let quote = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quote) {
      word += char;
      if (char === escapeChar && quote !== "'" && i + 1 < text.length) word += text[++i];
      else if (char === quote) quote = '';
      continue;
    }
    if (/\s/.test(char)) {
      if (inWord) result.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    word += char;
    if (char === escapeChar && i + 1 < text.length) word += text[++i];
    else if (char === '"' || char === "'") quote = char;
  }
  if (inWord) result.push(word);
  return result;
}

/**
 * The logical line of an instruction, joined the way BuildKit joins it (written separately from the
 * printer's scanner on purpose): continuation escapes removed, comment and empty lines inside dropped.
 */
function joinInstruction(lines: readonly string[], first: number, last: number, keywordColumn: number, escapeChar: string): string {
  let joined = '';
  for (let index = first; index <= last; index++) {
    let line = (lines[index] as string).replace(/\r$/, '');
    if (index === first) line = line.slice(keywordColumn);
    else if (/^\s*#/.test(line) || line.trim() === '') continue;
    const match = new RegExp(`(^|[^${escapeChar === '\\' ? '\\\\' : '`'}])${escapeChar === '\\' ? '\\\\' : '`'}[ \\t]*$`).exec(line);
    // BuildKit trims the whole logical line.
    if (!match) return (joined + line).trim();
    joined += line.slice(0, match.index + (match[1] as string).length);
  }
  return joined.trim();
}

type AstHeredoc = { getContentRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null };

/** dockerfile-ast's heredocs of an instruction; it throws on some broken input, which then counts as none. */
function heredocsOf(instruction: Instruction): AstHeredoc[] {
  try {
    return (instruction as unknown as { getHeredocs?: () => AstHeredoc[] }).getHeredocs?.() ?? [];
  } catch {
    return [];
  }
}

export function readingsOf(text: string, options: { readonly invalidShellAsWords?: boolean } = {}): Reading[] {
  const fallback = options.invalidShellAsWords === true;
  const dockerfile = DockerfileParser.parse(text);
  const escapeChar = dockerfile.getEscapeCharacter();
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const offsets: number[] = [];
  let offset = text.startsWith('\uFEFF') ? 1 : 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  const at = (position: { line: number; character: number }) => (offsets[position.line] ?? text.length) + position.character;
  return dockerfile.getInstructions().map((instruction: Instruction) => {
    const keyword = instruction.getKeyword();
    const range = instruction.getRange();
    const heredocs = heredocsOf(instruction);
    const heredocBodies = heredocs.map((heredoc) => {
      const content = heredoc.getContentRange();
      return content ? text.slice(at(content.start), at(content.end)) : '';
    });
    const firstBodyLine = heredocs.map((heredoc) => heredoc.getContentRange()?.start.line ?? Infinity).reduce((a, b) => Math.min(a, b), Infinity);
    const last = Math.min(range.end.line, Number.isFinite(firstBodyLine) ? firstBodyLine - 1 : range.end.line);
    const joined = joinInstruction(lines, range.start.line, last, range.start.character, escapeChar);
    const afterKeyword = joined.replace(/^\S+\s*/, '');
    const flags = 'getFlags' in instruction && typeof instruction.getFlags === 'function' ? (instruction.getFlags() as { getName(): string; getValue(): string | null }[]).map((flag) => `${flag.getName()}=${flag.getValue()}`) : [];
    const body = afterKeyword.replace(/^(?:--\S+\s+)*/, '');
    let args: unknown;
    if (/^\[/.test(body.trim())) {
      try {
        args = { json: JSON.parse(body.trim()) as unknown };
      } catch {
        args = undefined;
      }
    }
    if (args === undefined) {
      if (heredocs.length > 0) args = { heredocLine: words(afterKeyword, escapeChar) };
      else if (['RUN', 'CMD', 'ENTRYPOINT'].includes(keyword) && escapeChar === '\\') args = { shell: shellTokens(afterKeyword, escapeChar, fallback) };
      else if (keyword === 'HEALTHCHECK' && escapeChar === '\\') args = { shell: shellTokens(afterKeyword, escapeChar, fallback) };
      else if (STRING_INSTRUCTIONS.has(keyword) || ((keyword === 'ENV' || keyword === 'LABEL') && !/^[^\s=]*=/.test(afterKeyword.trim()))) args = { exact: afterKeyword.trim() };
      else if (keyword === 'ONBUILD') args = { exact: afterKeyword.trim().replace(/^\S+/, (word) => word.toUpperCase()) };
      else if (keyword === 'FROM') args = { words: words(afterKeyword, escapeChar).map((word, index, all) => (index === all.length - 2 && /^as$/i.test(word) ? 'AS' : word)) };
      else if (/^[A-Z]+$/.test(keyword) && isKnown(keyword)) args = { words: words(afterKeyword, escapeChar) };
      else args = { exact: joined };
    }
    return { keyword, flags, args, heredocs: heredocBodies };
  });
}

export const KNOWN = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
function isKnown(keyword: string): boolean {
  return KNOWN.has(keyword);
}

/** Comment lines without trailing blanks, in order. */
export function comments(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((line) => /^[ \t]*#/.test(line))
    .map((line) => line.replace(/[ \t]+$/, ''));
}

