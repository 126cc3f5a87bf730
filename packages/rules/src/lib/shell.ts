import type { RunInstruction, ShellCommand } from '@dockfix/core';

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
