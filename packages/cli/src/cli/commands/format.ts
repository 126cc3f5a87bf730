import { format, unifiedDiff, type FormatOptions } from '@dockfix/core';
import { diffPath } from '../diff-path.js';
import { readInput } from '../read-input.js';
import { withShellParser } from '../shell-parser.js';
import { plural } from '../report/stylish.js';
import { internalError, lintPath, prepare, reportFatal, writeInPlace, type CheckArgs } from './common.js';
import { stderr, stdout } from '../stdio.js';

/** Which dockfix fixes `dockfix format` applies before printing: the Prettier plugin's `dockfixFixes`. */
export type FormatFixes = 'safe' | 'none';

/** Options of `dockfix format`. */
export interface FormatArgs {
  readonly paths: readonly string[];
  readonly config?: string | undefined;
  readonly noConfig?: boolean | undefined;
  readonly noConfigLookup?: boolean | undefined;
  readonly maxFileSize?: number | undefined;
  readonly stdinFilename?: string | undefined;
  readonly check: boolean;
  readonly diff: boolean;
  readonly fixes: FormatFixes;
  readonly formatOptions: FormatOptions;
  /** Skip files that `.gitignore` files ignore while searching directories and globs (default on). */
  readonly respectGitignore?: boolean | undefined;
}

/**
 * `dockfix format`: rewrites Dockerfiles with dockfix's printer (the one the Prettier plugin and the
 * language server use), after the safe fixes with `--fixes safe`. Writes changed files in place,
 * atomically, unless `--check` or `--diff`; standard input is answered on stdout. A file the printer
 * cannot prove safe to change is left as it is, with a warning.
 */
export async function runFormat(args: FormatArgs): Promise<number> {
  const checkArgs: CheckArgs = {
    paths: args.paths,
    outputs: [],
    config: args.config,
    noConfig: args.noConfig,
    noConfigLookup: args.noConfigLookup,
    maxFileSize: args.maxFileSize,
    stdinFilename: args.stdinFilename,
    respectGitignore: args.respectGitignore,
  };
  const prepared = await prepare(checkArgs);
  if (!prepared) return 2;
  const { inputs, messages } = prepared;

  const dryRun = args.check || args.diff;
  // stdout carries diffs or the formatted text in these modes, so the summary goes to stderr.
  const stdoutIsData = args.diff || (!dryRun && inputs.some((input) => input.kind === 'stdin'));
  const out = (line: string) => (stdoutIsData ? stderr : stdout).write(`${line}\n`);

  let changedFiles = 0;
  let unchangedFiles = 0;
  for (const input of inputs) {
    const settings = prepared.settingsOf(input);
    const read = await readInput(input, settings.maxFileSize);
    if (!read.ok) {
      messages.error(input.path, read.message);
      continue;
    }
    // Standard input is always answered with text an editor can keep, even when nothing could be done.
    const printsText = input.kind === 'stdin' && !dryRun;
    let text = read.text;
    if (args.fixes === 'safe') {
      try {
        const result = await withShellParser(() => settings.linter.fix(text, { filePath: lintPath(input, checkArgs), config: settings.config, unsafe: false }));
        if (result.fatal) {
          reportFatal(messages, input.path, result.remaining);
          if (printsText) stdout.write(read.text);
          continue;
        }
        for (const reverted of result.reverted) messages.warn(input.path, `fixes from ${reverted.ruleIds.join(', ')} were not applied: ${reverted.reason}`);
        text = result.output;
      } catch (error) {
        internalError(messages, input.path, error);
        if (printsText) stdout.write(read.text);
        continue;
      }
    }
    // format() never throws: when it cannot prove a change safe it returns the text with a reason.
    const formatted = format(text, args.formatOptions);
    if (formatted.error) messages.warn(input.path, `not formatted: ${formatted.error}`);
    else if (formatted.keptLines) messages.warn(input.path, `left the instructions on lines ${formatted.keptLines.join(', ')} as they were (a change could not be proven safe)`);
    const output = formatted.output;

    if (printsText) stdout.write(output);
    if (output === read.text) {
      unchangedFiles++;
      continue;
    }
    changedFiles++;
    if (args.diff) stdout.write(unifiedDiff(read.text, output, input.kind === 'file' ? diffPath(input.absolutePath) : input.path));
    else if (args.check) out(`Would reformat: ${input.path}`);
    if (!dryRun && input.kind === 'file') await writeInPlace(input, output, read.snapshot, messages, 'formatted');
  }

  const onlyStdinText = !dryRun && inputs.length > 0 && inputs.every((input) => input.kind === 'stdin');
  if (changedFiles + unchangedFiles > 0 && !onlyStdinText) out(formatSummary(dryRun, changedFiles, unchangedFiles));
  if (messages.failed) return 2;
  return args.check && changedFiles > 0 ? 1 : 0;
}

/** `2 files reformatted, 3 unchanged`, or `2 files would be reformatted, 3 already formatted` for a dry run. */
export function formatSummary(dryRun: boolean, changed: number, unchanged: number): string {
  if (dryRun) {
    if (changed === 0) return `${plural(unchanged, 'file')} already formatted`;
    return `${plural(changed, 'file')} would be reformatted${unchanged > 0 ? `, ${unchanged} already formatted` : ''}`;
  }
  if (changed === 0) return `${plural(unchanged, 'file')} left unchanged`;
  return `${plural(changed, 'file')} reformatted${unchanged > 0 ? `, ${unchanged} unchanged` : ''}`;
}
