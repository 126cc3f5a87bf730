import { commentsIn, type Instruction, type RuleContext, type RunInstruction, type ShellScript, type ShellWord, type TextEdit } from '@dockfix/core';
import { replacesShell } from './run-groups.js';

/** Builtins whose effect outlives them in the running shell: after a merge they would reach the second RUN's commands. */
const STATE_COMMANDS = new Set([
  '.',
  'alias',
  'cd',
  'declare',
  'emulate',
  'enable',
  'eval',
  'exec',
  'exit',
  'export',
  'getopts',
  'hash',
  'let',
  'local',
  'mapfile',
  'popd',
  'pushd',
  'read',
  'readarray',
  'readonly',
  'return',
  'set',
  'setopt',
  'shift',
  'shopt',
  'source',
  'trap',
  'typeset',
  'ulimit',
  'umask',
  'unalias',
  'unset',
  'unsetopt',
]);

/** Shell options a `set` command turns on and off (`-eux`, `-o pipefail`, `+e`), and whether it also sets positional parameters. */
function setOptions(args: readonly ShellWord[]): { on: Set<string>; off: Set<string>; positional: boolean } {
  const on = new Set<string>();
  const off = new Set<string>();
  let positional = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]?.value ?? '';
    const match = /^([-+])([A-Za-z]+)$/.exec(word);
    if (!match || args[i]?.dynamic) {
      positional = true; // `set -- a b`, `set a b` or something only known at build time
      continue;
    }
    const target = match[1] === '-' ? on : off;
    for (const letter of match[2] ?? '') {
      if (letter === 'o') {
        const name = args[i + 1]?.value;
        if (name && !name.startsWith('-') && !name.startsWith('+')) {
          target.add(`o:${name}`);
          i++;
        }
      } else target.add(letter);
    }
  }
  return { on, off, positional };
}

/** Options that only change what the build log shows (`xtrace`, `verbose`). */
const LOG_OPTIONS = new Set(['x', 'v', 'o:xtrace', 'o:verbose']);

/** The options a script turns on with a `set` at its very start (`RUN set -eux; …`): they override whatever came before. */
function leadingSetOptions(script: ShellScript | undefined): Set<string> {
  const first = script?.commands[0];
  if (!script || !first || first.name !== 'set' || first.inSubshell || first.range.start !== script.statements[0]?.range.start) return new Set();
  return setOptions(first.args).on;
}

/**
 * Why a merge may not mean the same as the two RUNs: what the first RUN leaves behind in the shell.
 * Options the first RUN turns on with `set` do not count when the second starts by turning on the
 * same ones (the docker-library `RUN set -eux; …` style).
 */
export function carriedState(script: ShellScript, next?: ShellScript): string | null {
  const restored = leadingSetOptions(next);
  const newShell = replacesShell(script, ['/bin/sh']);
  if (newShell) return newShell;
  // Functions first: the commands in their bodies (`local`, `return`) only run when called.
  const definitions = [...script.definitions.filter((d) => d.kind === 'function'), ...script.definitions.filter((d) => d.kind !== 'function')];
  const definition = definitions.find((d) => !d.inSubshell);
  if (definition?.kind === 'function') return `the function \`${definition.name}\` defined in the first RUN would be visible in the second`;
  for (const command of script.commands) {
    if (command.inSubshell) continue;
    // A dynamic name could expand to `cd`; one with a `/` is a path to a program, which cannot touch this shell.
    if (command.nameWord.dynamic && !command.nameWord.text.includes('/')) return `\`${command.nameWord.text}\` runs a command known only at build time, which could change the shell`;
    let name = command.name;
    let args = command.args;
    if ((name === 'builtin' || name === 'command') && args[0]) {
      name = args[0].value;
      args = args.slice(1);
    }
    if (name === 'set') {
      const { on, off, positional } = setOptions(args);
      const lasting = [...on].filter((option) => !LOG_OPTIONS.has(option) && !restored.has(option));
      if (!positional && lasting.length === 0 && [...off].every((option) => LOG_OPTIONS.has(option))) continue;
    }
    if (STATE_COMMANDS.has(name)) return `\`${name}\` in the first RUN would also affect the second`;
    if (name === 'printf' && args.some((arg) => arg.value === '-v')) return '`printf -v` in the first RUN would set a variable for the second';
    if (name === ':' && command.assignments.length > 0) return 'an assignment in the first RUN would carry over to the second';
  }
  if (definition) return `the variable \`${definition.name}\` set in the first RUN would be visible in the second`;
  // Expansions assign inside double quotes too, so these two look at the text as written.
  if (/\$\{[A-Za-z_][A-Za-z0-9_]*:?=/.test(script.text)) return 'a `${VAR:=…}` assignment in the first RUN would carry over to the second';
  if (arithmeticAssignment(script.text)) return 'a `((…))` assignment in the first RUN would carry over to the second';
  // An unterminated `"` (or one ending in a lone `\`) quotes to the end: the match never fails once
  // started, where retrying it from every later `"` would be quadratic.
  const unquoted = script.text.replace(/'[^']*'|"(?:[^"\\]|\\[\s\S]?)*(?:"|$)/g, '""');
  if (/(^|[^&|<>\\])&(?![&>])/.test(unquoted)) return 'a background job (`&`) of the first RUN would keep running during the second';
  return null;
}

/** The offset just past the last non-blank character before `end`. */
export function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1] ?? '')) at--;
  return at;
}

/** True for a comment that scopes rules to the next instruction; merging would move its scope. */
function isPragma(comment: string): boolean {
  return /^#\s*(dockfix-ignore|hadolint\s)/.test(comment.trim());
}

/** True when both RUNs carry the same flags (`--mount`, `--network`, …), in any order. */
export function sameFlags(ctx: RuleContext, a: Instruction, b: Instruction): boolean {
  const flagsOf = (run: Instruction) => run.flags.map((flag) => ctx.source.slice(flag.range)).sort().join(' ');
  return flagsOf(a) === flagsOf(b);
}

export type Plan = { edits: TextEdit[]; unsafeBecause: string | null } | { noFix: string };

/**
 * How to join B onto A (B directly after A), or why that cannot be done mechanically. Comment lines between
 * them stay in the continuation, or with `hoistComments` move above A, where they read as the merged RUN's header.
 * `chainIndent` is the continuation indentation to use when A is one line (default four spaces).
 */
export function plan(ctx: RuleContext, a: RunInstruction, b: RunInstruction, options: { hoistComments?: boolean; chainIndent?: string | undefined } = {}): Plan {
  const sa = a.run.script;
  const sb = b.run.script;
  if (a.run.form !== 'shell' || b.run.form !== 'shell') return { noFix: `${a.run.form !== 'shell' ? 'the first' : 'this'} RUN is in ${a.run.form !== 'shell' ? a.run.form : b.run.form} form` };
  if (!sa || !sb) return { noFix: 'the shell is not a POSIX shell' };
  if (sa.hasError || sb.hasError) return { noFix: 'the shell code does not parse' };
  if (sa.statements.length === 0 || sb.statements.length === 0) return { noFix: 'one RUN has no command' };
  if (sa.comments.length > 0) return { noFix: 'the first RUN has a shell comment, which would swallow the join' };
  const lastA = sa.statements.at(-1);
  const lastB = sb.statements.at(-1);
  if (lastA?.terminator?.text === '&' || lastB?.terminator?.text === '&') return { noFix: 'a RUN ends with a background job (`&`)' };
  // `A && B1; B2` would run B2 even when A fails, and `A && B1 || B2` would hide A's failure: group B.
  const group = sb.statements.length > 1 || (sb.statements[0]?.operators.includes('||') ?? false);
  if (group && sb.comments.length > 0) return { noFix: 'this RUN has a shell comment and needs grouping' };

  const { text } = ctx.source;
  const aEnd = trimEnd(text, a.range.start, a.range.end);
  const bStart = b.run.body?.start ?? b.range.start;
  const gapComments = commentsIn(ctx.model, aEnd, bStart).filter((comment) => comment.range.end <= bStart);
  if (gapComments.some((comment) => isPragma(comment.text))) return { noFix: 'a pragma comment between them would change scope' };

  // `A1; A2;` + `&& B` is a syntax error: drop A's final `;` (`A1; A2 && B` keeps the meaning).
  const terminator = lastA?.terminator?.text === ';' && lastA.terminator.range.end === aEnd ? lastA.terminator : null;
  const joinStart = terminator ? trimEnd(text, a.range.start, terminator.range.start) : aEnd;
  const eol = ctx.source.eolAt(aEnd);
  const multiline = ctx.source.lineStartAt(aEnd) > ctx.source.lineStartAt(a.range.start);
  const indent = multiline ? ctx.source.indentAt(aEnd) : (options.chainIndent ?? '    ');
  const commentLines = gapComments.map((comment) => text.slice(ctx.source.lineStartAt(comment.range.start), comment.range.end) + eol).join('');
  const kept = options.hoistComments ? '' : commentLines;
  // The edit starts one character early (and writes it again) so that it conflicts with a fix that
  // appends to the end of A in the same pass (` && rm -rf …`): that one waits and sees the merged RUN.
  // The edit also rewrites B's body as it is, so that joining B's successor onto B waits for the next
  // pass: it then sees the merged RUN and can stop at `maxCommands` steps.
  const bEnd = trimEnd(text, bStart, b.range.end);
  const close = group ? (lastB?.terminator?.text === ';' ? ' }' : '; }') : '';
  const edits = [ctx.fix.replaceRange(joinStart - 1, bEnd, `${text[joinStart - 1] ?? ''} && ${ctx.source.escapeChar}${eol}${kept}${indent}${group ? '{ ' : ''}${text.slice(bStart, bEnd)}${close}`)];
  if (options.hoistComments && commentLines) edits.unshift(ctx.fix.insertBefore(ctx.source.lineStartAt(a.range.start), commentLines.replace(/^[ \t]+/gm, '')));
  return { edits, unsafeBecause: carriedState(sa, sb) };
}


/** Why two RUNs cannot be joined mechanically, or null when they can. */
function unjoinable(a: RunInstruction, b: RunInstruction): string | null {
  const sa = a.run.script;
  const sb = b.run.script;
  if (a.run.form !== 'shell' || b.run.form !== 'shell') return `a RUN is in ${a.run.form !== 'shell' ? a.run.form : b.run.form} form`;
  if (!sa || !sb) return 'the shell is not a POSIX shell';
  if (sa.hasError || sb.hasError) return 'the shell code does not parse';
  if (sa.statements.length === 0 || sb.statements.length === 0) return 'one RUN has no command';
  if (sa.comments.length > 0 || sb.comments.length > 0) return 'a RUN has a shell comment';
  if (sa.statements.at(-1)?.terminator?.text === '&' || sb.statements.at(-1)?.terminator?.text === '&') return 'a RUN ends with a background job (`&`)';
  if (sa.text.includes('<<') || sb.text.includes('<<')) return 'a RUN has a heredoc';
  return null;
}

/** The body of a RUN as written, without a final `;` (so that ` && …` can follow it). */
function joinableBody(ctx: RuleContext, run: RunInstruction): { start: number; end: number } {
  const script = run.run.script as ShellScript;
  const start = run.run.body?.start ?? run.range.start;
  const end = trimEnd(ctx.source.text, start, run.range.end);
  const last = script.statements.at(-1);
  const terminator = last?.terminator?.text === ';' && last.terminator.range.end === end ? last.terminator : null;
  return { start, end: terminator ? trimEnd(ctx.source.text, start, terminator.range.start) : end };
}

/** True when B needs `{ …; }` to keep A's failure fatal after `A && B`. */
function needsGroup(script: ShellScript): boolean {
  return script.statements.length > 1 || (script.statements[0]?.operators.includes('||') ?? false);
}

/**
 * How to join two RUNs of a stage that are not next to each other: `keep: 'first'` moves B's commands to
 * the end of A (a cleanup moved back to the RUN that made the files), `keep: 'second'` moves A's commands
 * to the start of B (an `apt-get update` moved to the RUN that installs). The moved RUN's lines are
 * deleted; comments stay where they are. Moving commands past other instructions can change what they
 * see (WORKDIR, ENV, USER, copied files), so the caller decides the safety.
 */
export function planMove(ctx: RuleContext, a: RunInstruction, b: RunInstruction, keep: 'first' | 'second'): Plan {
  const why = unjoinable(a, b);
  if (why) return { noFix: why };
  const { source } = ctx;
  const { text } = source;
  const escape = source.escapeChar;
  const removeRun = (run: RunInstruction) => ctx.fix.removeLines(run.range);
  if (keep === 'first') {
    const target = joinableBody(ctx, a);
    const moved = joinableBody(ctx, b);
    const eol = source.eolAt(target.end);
    const multiline = source.lineStartAt(target.end) > source.lineStartAt(a.range.start);
    const indent = multiline ? source.indentAt(target.end) : '    ';
    const group = needsGroup(b.run.script as ShellScript);
    const body = text.slice(moved.start, moved.end);
    // Starts one character early and ends one late (rewriting both as they are), like `plan`, so that an
    // append to the end of A in the same pass (` && rm -rf …` of another rule) waits for the next pass and
    // then sees the cleanup this fix moved there.
    const aEnd = trimEnd(text, a.range.start, a.range.end);
    const after = text.slice(aEnd, Math.min(text.length, aEnd + 1));
    return {
      edits: [
        ctx.fix.replaceRange(target.end - 1, aEnd + after.length, `${text[target.end - 1] ?? ''} && ${escape}${eol}${indent}${group ? `{ ${body}; }` : body}${after}`),
        removeRun(b),
      ],
      unsafeBecause: carriedState(a.run.script as ShellScript, b.run.script as ShellScript),
    };
  }
  const moved = joinableBody(ctx, a);
  const target = b.run.body as { start: number; end: number };
  const eol = source.eolAt(target.start);
  const group = needsGroup(b.run.script as ShellScript);
  const edits = [removeRun(a), ctx.fix.insertBefore(target.start, `${text.slice(moved.start, moved.end)} && ${escape}${eol}    ${group ? '{ ' : ''}`)];
  if (group) {
    const lastB = (b.run.script as ShellScript).statements.at(-1);
    edits.push(ctx.fix.insertAfter(trimEnd(text, target.start, b.range.end), lastB?.terminator?.text === ';' ? ' }' : '; }'));
  }
  return { edits, unsafeBecause: carriedState(a.run.script as ShellScript, b.run.script as ShellScript) };
}

const ASSIGNMENT_AT = /\+\+|--|[^=!<>]=[^=]/y;

/**
 * True when a `((` is followed, before the next `)`, by `++`, `--` or an `=` that is not `==`, `!=`,
 * `<=` or `>=`: what `/\(\([^)]*(\+\+|--|[^=!<>]=[^=])/` tests, in one pass (that regex rescans to
 * the next `)` from every `((`, quadratic on `((((…`). The `((` inside one `)`-free stretch see suffixes
 * of the first one's text, so only the first of each stretch is scanned.
 */
export function arithmeticAssignment(text: string): boolean {
  for (let open = text.indexOf('(('); open !== -1; ) {
    const close = text.indexOf(')', open + 2);
    const last = close === -1 ? text.length - 1 : close;
    for (let at = open + 2; at <= last; at++) {
      ASSIGNMENT_AT.lastIndex = at;
      if (ASSIGNMENT_AT.test(text)) return true;
    }
    if (close === -1) return false;
    open = text.indexOf('((', close + 1);
  }
  return false;
}
