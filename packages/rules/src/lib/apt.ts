import type { Instruction, RunInstruction, ShellCommand } from '@dockfix/core';
import { type CliCall, rmOperands } from './cli.js';
import { parseApt, subcommandOf } from './packages.js';

/** The apt tools whose commands read the package lists in /var/lib/apt/lists. */
const APT_TOOLS = ['apt-get', 'apt', 'apt-cache', 'aptitude'];

/** apt subcommands that do not need the package lists. */
const LISTLESS = new Set(['update', 'clean', 'autoclean', 'remove', 'purge', 'autoremove', 'autopurge', 'markauto', 'showmanual', 'mark']);

/** True for `apt-get update`, and for `apt-get install --update` (apt 3.0), which updates first. */
export function isAptUpdate(call: CliCall): boolean {
  const sub = subcommandOf(call);
  return sub === 'update' || (sub !== null && sub !== 'update' && call.options.some((option) => option.long && option.name === 'update'));
}

/** The tools whose `update` downloads the package lists: aptitude keeps them in the same place as apt. */
const APT_UPDATERS = ['apt-get', 'apt', 'aptitude'];

/** The `apt-get update` / `apt update` / `aptitude update` (and `install --update`) calls of a RUN. */
export function aptUpdates(run: RunInstruction): CliCall[] {
  return (run.run.script?.commands ?? []).map((command) => parseApt(command, APT_UPDATERS)).filter((call): call is CliCall => call !== null && isAptUpdate(call));
}

/**
 * True when the RUN's text deletes the lists somewhere the parser cannot see as a command: inside a
 * `bash -c "…"` string, for example.
 */
export function mentionsListCleanup(text: string): boolean {
  return /\brm\s[^\n]*\/var\/lib\/apt\/lists|\bdist-clean\b/.test(text);
}

/** True when a command removes the apt lists (or part of them): `rm -rf /var/lib/apt/lists/*`, `find /var/lib/apt/lists -delete`. */
export function removesAptLists(command: ShellCommand): boolean {
  // `apt-get dist-clean` (apt 2.7, Debian trixie) is `clean` plus the lists.
  const call = parseApt(command);
  if (call && subcommandOf(call) === 'dist-clean') return true;
  const paths = rmOperands(command) ?? (command.name === 'find' ? command.args.map((word) => word.value.replace(/^["']|["']$/g, '')) : []);
  return paths.some((path) => /^\/var\/lib\/apt(\/lists)?\/?(\*|\/.*)?$/.test(path));
}

/**
 * The first command of a RUN that reads the apt lists without an `apt-get update` before it in the
 * same RUN (it relies on lists left by an earlier RUN); null when there is none. RUNs that are not
 * parsed as shell are read as text.
 */
export function readsStaleLists(run: RunInstruction, text: string): string | null {
  const script = run.run.script;
  if (!script) {
    if (!/\bapt(-get|-cache|itude)?\s/.test(text)) return null;
    return /\bupdate\b/.test(text) ? null : 'apt';
  }
  let updated = false;
  for (const command of script.commands) {
    const call = parseApt(command, APT_TOOLS);
    if (!call) continue;
    const sub = subcommandOf(call);
    // Only an update that certainly runs counts (not one after `||`, inside `if` or a subshell).
    if (isAptUpdate(call)) updated ||= command.unconditional && !command.inSubshell;
    if (sub === 'update') continue;
    if (!updated && (call.tool === 'apt-cache' || (sub !== null && !LISTLESS.has(sub)))) return `${call.tool} ${sub ?? ''}`.trim();
  }
  return null;
}

/** A RUN that reads the apt lists, with what reads them (see {@link readsStaleLists}). */
export interface ListReader {
  readonly run: RunInstruction;
  readonly reads: string;
}

/** Per instruction sequence (a stage's instructions, or its triggers): its list readers, in order. */
const listReaders = new WeakMap<readonly Instruction[], readonly ListReader[]>();

/**
 * The first RUN of `sequence` after `index` that reads the apt lists. The readers of a sequence are
 * found once: asking every later RUN for every `apt-get update` made a stage of updates quadratic
 * (8k lines of `RUN apt-get update` / `RUN rm -rf /var/lib/apt/lists/*`: 25 s).
 */
export function firstListReaderAfter(sequence: readonly Instruction[], source: { slice(range: { start: number; end: number }): string }, index: number): ListReader | undefined {
  let readers = listReaders.get(sequence);
  if (!readers) {
    const found: ListReader[] = [];
    for (const other of sequence) {
      if (other.keyword !== 'RUN' || other.run === undefined) continue;
      const reads = readsStaleLists(other as RunInstruction, source.slice(other.range));
      if (reads !== null) found.push({ run: other as RunInstruction, reads });
    }
    readers = found;
    listReaders.set(sequence, readers);
  }
  let low = 0;
  let high = readers.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((readers[mid] as ListReader).run.index <= index) low = mid + 1;
    else high = mid;
  }
  return readers[low];
}
