import type { FixBuilder, RunInstruction, ShellCommand, TextEdit } from '@dockfix/core';

/** `-e`, `-eux`, `-ex`: a short-option cluster that turns on errexit (`-c` may be in it, as in `sh -ec`). */
const ERREXIT_CLUSTER = /^-[A-Za-z]*e[A-Za-z]*$/;

function setsErrexit(words: readonly string[]): boolean {
  return words.some((word, index) => ERREXIT_CLUSTER.test(word) || (word === '-o' && words[index + 1] === 'errexit'));
}

/** True when `set -e` may be in effect somewhere in the RUN: set in the script, by SHELL flags, or by a heredoc shebang. */
export function mayHaveErrexit(run: RunInstruction): boolean {
  if (setsErrexit(run.run.shell.slice(1))) return true;
  const script = run.run.script;
  if (!script) return false;
  if (/^#!\S*(\s+\S+)*\s+-[A-Za-z]*e/.test(script.text.split('\n', 1)[0] ?? '')) return true;
  return script.commands.some((command) => command.name === 'set' && setsErrexit(command.args.map((arg) => arg.value)));
}

/**
 * True when nothing runs after `command` in its script: what follows is only blanks, line
 * continuations, comments and the closing `;`, `)` or `}` of groups around it.
 */
export function isLastCommand(run: RunInstruction, command: ShellCommand): boolean {
  const script = run.run.script;
  if (!script) return false;
  const rest = script.text.slice(command.statementRange.end - script.offset);
  return /^[\s;)}\\`]*$/.test(rest.replace(/#[^\n]*/g, ''));
}

/** The script text after a command, as written. */
export function textAfter(run: RunInstruction, command: ShellCommand): string {
  const script = run.run.script;
  return script ? script.text.slice(command.statementRange.end - script.offset) : '';
}

/**
 * The edit that runs `command` after everything else in the RUN: ` && command` after its last
 * statement. The RUN's exit status stays the same (a failing last statement still fails it, and
 * `command` must be one that succeeds), and nothing that ran before sees a difference. Null when the
 * RUN cannot take it: it does not parse, ends in a background job or a heredoc, or its last command
 * is `exec`/`exit` (nothing after it runs).
 */
export function appendToRun(fix: FixBuilder, run: RunInstruction, command: string): TextEdit | null {
  const result = planAppend(fix, run, command);
  return 'edit' in result ? result.edit : null;
}

/** Like {@link appendToRun}, with the reason when there is no edit. */
export function planAppend(fix: FixBuilder, run: RunInstruction, command: string): { edit: TextEdit } | { reason: string } {
  const script = run.run.script;
  if (!script || script.hasError) return { reason: 'the RUN does not parse as shell' };
  const last = script.statements.at(-1);
  if (!last) return { reason: 'the RUN has no command' };
  if (last.terminator?.text === '&') return { reason: 'the RUN ends with a background job' };
  const statementText = script.text.slice(last.range.start - script.offset, last.range.end - script.offset);
  if (statementText.includes('<<')) return { reason: 'the RUN ends with a heredoc' };
  const lastCommand = script.commands.filter((c) => c.range.start >= last.range.start && c.range.end <= last.range.end).at(-1);
  if (lastCommand && !lastCommand.inSubshell && (lastCommand.name === 'exec' || lastCommand.name === 'exit')) return { reason: `the RUN ends with \`${lastCommand.name}\`` };
  return { edit: fix.insertAfter(last.range.end, ` && ${command}`) };
}

/** Why an edit that runs as the RUN's user (not through sudo) would fail, or null when it runs as root. */
export function nonRootReason(root: boolean, sudo: boolean): string | null {
  return root || sudo ? null : 'USER is not root here and the command does not use sudo';
}

/** Blanks and line continuations (`\` or the backtick escape, then the line break) between words. */
const GAP = '(?:[ \\t]|[\\\\`][ \\t]*\\r?\\n)*';
/**
 * `&&` between gaps at the end of a text, matched on the reversed text: anchored at the start it is
 * linear, where `${GAP}&&${GAP}$` retries from every blank of a long run (quadratic).
 */
const TRAILING_JOIN_REVERSED = /^(?:[ \t]|\n\r?[ \t]*[\\`])*&&(?:[ \t]|\n\r?[ \t]*[\\`])*/;

/** The length of the `&&` (with blanks and continuations around it) that starts `rest`; null when it does not start with one. */
export function joinLength(rest: string): number | null {
  const match = new RegExp(`^${GAP}&&${GAP}`).exec(rest);
  return match ? match[0].length : null;
}

/** The length of the `&&` (with blanks and continuations around it) that ends `before`; null when it does not end with one. */
export function trailingJoinLength(before: string): number | null {
  const match = TRAILING_JOIN_REVERSED.exec(before.split('').reverse().join(''));
  return match ? match[0].length : null;
}

/**
 * The edit that deletes a command joined to its neighbour by `&&`: `cmd && ` before the next command,
 * or ` && cmd` after the previous one. Null when the command is not in such a chain, or the text to
 * delete holds a comment.
 */
export function removeChained(run: RunInstruction, command: ShellCommand, fix: FixBuilder): TextEdit | null {
  const script = run.run.script;
  if (!script || command.inPipeline) return null;
  const text = script.text;
  const at = (offset: number) => offset - script.offset;
  if (command.followedBy === '&&') {
    // From the command to the start of the next word after `&&` (skipping blanks and continuations).
    let cursor = at(command.statementRange.end);
    const rest = text.slice(cursor);
    const match = new RegExp(`^${GAP}&&${GAP}`).exec(rest);
    if (!match) return null;
    cursor += match[0].length;
    const removed = text.slice(at(command.range.start), cursor);
    if (removed.includes('#')) return null;
    return fix.replaceRange(command.range.start, script.offset + cursor, '');
  }
  // Preceded by `&&`: delete from the end of the previous command through this one.
  let cursor = at(command.range.start);
  const before = text.slice(0, cursor);
  const length = trailingJoinLength(before);
  if (length === null) return null;
  cursor -= length;
  if (command.followedBy !== null) return null;
  const removed = text.slice(cursor, at(command.statementRange.end));
  if (removed.includes('#')) return null;
  return fix.replaceRange(script.offset + cursor, command.statementRange.end, '');
}

/** `-e`, `-eux`, `-o errexit` in a `set` command's arguments (the letters of a `+` cluster turn options off). */
function errexitChange(args: readonly string[]): 'on' | 'off' | null {
  let result: 'on' | 'off' | null = null;
  args.forEach((arg, i) => {
    const match = /^([-+])([A-Za-z]+)$/.exec(arg);
    if (!match) return;
    const named = (match[2] ?? '').includes('o') && args[i + 1] === 'errexit';
    if ((match[2] ?? '').includes('e') || named) result = match[1] === '-' ? 'on' : 'off';
  });
  return result;
}

/**
 * True when the failure of `command` certainly fails the RUN (so a build whose RUN succeeded never saw it
 * fail): it runs unconditionally, outside pipelines and subshells, is not followed by `||`, and either
 * `set -e` is certainly on when it runs and it ends its and-or list, or nothing but `&& …` follows it to
 * the end of the script. Used to decide when making a failing command succeed (`-y`) cannot change a
 * build that worked.
 */
export function failureFailsRun(run: RunInstruction, command: ShellCommand): boolean {
  const script = run.run.script;
  if (!script || script.hasError) return false;
  if (!command.unconditional || command.inPipeline || command.inSubshell || command.followedBy === '||') return false;
  const statement = script.statements.find((s) => s.range.start <= command.range.start && command.range.end <= s.range.end);
  if (!statement) return false;
  // `! cmd` and `if cmd; then` never fail the script.
  const before = script.text.slice(statement.range.start - script.offset, command.range.start - script.offset);
  if (/(^|\s)!\s*$/.test(before)) return false;
  let errexit = errexitChange(run.run.shell.slice(1)) === 'on' || /^#!\S*(\s+\S+)*\s+-[A-Za-z]*e/.test(script.text.split('\n', 1)[0] ?? '');
  for (const other of script.commands) {
    if (other.range.start >= command.range.start) break;
    if (other.name !== 'set' || other.inSubshell || !other.unconditional) continue;
    const change = errexitChange(other.args.map((arg) => arg.value));
    if (change) errexit = change === 'on';
  }
  if (errexit && command.followedBy === null) return true;
  // Otherwise only the last statement's status reaches the RUN: `… && cmd && more` at the very end.
  if (statement !== script.statements.at(-1)) return false;
  const after = script.text.slice(command.statementRange.end - script.offset, statement.range.end - script.offset);
  // Conservative: any `|`, `;`, `&` or line break left after dropping continuations and `&&` may route around the failure.
  return !/[|;&\n]/.test(after.replace(/[\\`]\r?\n/g, ' ').replace(/&&/g, '  '));
}
