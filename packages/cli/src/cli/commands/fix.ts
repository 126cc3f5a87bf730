import { dirname } from 'node:path';
import { unifiedDiff } from '@dockfix/core';
import { describeSavings, estimateSavings, type SavingsEstimate } from '@dockfix/rules/estimate';
import { createRequestedFiles } from '../../create-files.js';
import { diffPath } from '../diff-path.js';
import { plural } from '../report/stylish.js';
import type { FileReport } from '../report/types.js';
import type { Settings } from '../settings.js';
import { withShellParser } from '../shell-parser.js';
import { checkPrepared, DEFAULT_EXIT_SETTINGS, prepare, problemsExitCode, reportCheckFailure, reportFatal, writeInPlace, writeReports, type CheckArgs } from './common.js';
import { stderr, stdout } from '../stdio.js';

/** Options of `dockfix fix` on top of the shared ones. */
export interface FixArgs extends CheckArgs {
  readonly unsafe: boolean;
  readonly diff: boolean;
  readonly stdout: boolean;
  readonly check: boolean;
}

/**
 * `dockfix fix`: applies fixes (safe ones; unsafe ones too with `--unsafe`) and reports what
 * remains. Writes files in place, atomically, unless `--diff`, `--stdout` or `--check` say
 * otherwise; standard input is always answered on stdout. Never writes an unchanged file or one
 * that does not parse.
 */
export async function runFix(args: FixArgs): Promise<number> {
  const prepared = await prepare(args);
  if (!prepared) return 2;
  const { inputs, messages } = prepared;
  const settingsByReport = new Map<FileReport, Settings>();

  if (args.stdout && inputs.length > 1) {
    messages.error(null, `--stdout takes one file, but ${inputs.length} were found; name one file, or use --diff to see the changes to several`);
    return 2;
  }
  const dryRun = args.diff || args.check;
  // stdout carries file text or diffs in these modes, so the report goes to stderr.
  const stdoutIsData = args.diff || args.stdout || (!args.check && inputs.some((input) => input.kind === 'stdin'));

  const files: FileReport[] = [];
  let fixedProblems = 0;
  let changedFiles = 0;
  // What the rewrites are worth, per changed file (see the README's "What a fix saves").
  const estimates: SavingsEstimate[] = [];
  let unsafeAvailable = 0;
  for (const { input, settings, read, outcome } of await checkPrepared(prepared, args, 'fix', args.unsafe)) {
    if (!read.ok) {
      messages.error(input.path, read.message);
      continue;
    }
    // Printing the text (--stdout, stdin): whatever happens, print something an editor can keep,
    // as Ruff does; an empty stdout would replace the user's buffer with nothing.
    const printsText = args.stdout || (input.kind === 'stdin' && !dryRun);
    if (!outcome || reportCheckFailure(messages, input.path, outcome) || outcome.kind !== 'fix') {
      if (printsText) stdout.write(read.text);
      continue;
    }
    const result = outcome.result;
    files.push({ filePath: input.path, diagnostics: result.remaining, fatal: result.fatal, text: result.fatal ? read.text : result.output });
    settingsByReport.set(files.at(-1) as FileReport, settings);
    if (result.fatal) {
      reportFatal(messages, input.path, result.remaining);
      if (printsText) stdout.write(read.text);
      continue;
    }
    for (const reverted of result.reverted) {
      messages.warn(input.path, `fixes from ${reverted.ruleIds.join(', ')} were not applied: ${reverted.reason}`);
    }
    unsafeAvailable += result.unsafeFixable;
    if (result.changed) {
      fixedProblems += result.applied.length;
      changedFiles++;
      // Parses both texts again in this thread, which a worker's fix did not load the shell parser for.
      const estimate = await withShellParser(() => estimateSavings(read.text, result.output));
      if (estimate) estimates.push(estimate);
      if (args.diff) stdout.write(input.kind === 'file' ? unifiedDiff(read.text, result.output, diffPath(input.absolutePath)) : result.diff);
    }
    if (printsText) stdout.write(result.output);
    else if (result.changed && !dryRun && input.kind === 'file') await writeInPlace(input, result.output, read.snapshot, messages, 'fixed');
    // Files a fix asks for beside the Dockerfile (a `.dockerignore`); never for stdin, never overwriting,
    // and never with --stdout, which promises to leave the disk alone.
    if (input.kind === 'file' && result.createFiles.length > 0) {
      for (const outcome of await createRequestedFiles(result.createFiles, { dryRun: dryRun || args.stdout, directory: dirname(input.absolutePath) })) {
        const requested = result.createFiles.find((file) => file.path === outcome.path);
        if (outcome.outcome === 'failed') messages.error(outcome.path, `cannot create it: ${outcome.reason ?? 'unknown error'}`);
        else if (outcome.outcome === 'created') {
          messages.note(`Created ${outcome.path}`);
          // The problem that asked for the file is solved now: do not report it as remaining.
          const report = files.at(-1);
          if (report) {
            const solved = { ...report, diagnostics: report.diagnostics.filter((d) => d.createFile?.path !== outcome.path) };
            const own = settingsByReport.get(report);
            if (own) settingsByReport.set(solved, own);
            files[files.length - 1] = solved;
          }
        }
        else if (outcome.outcome === 'would-create') {
          if (args.diff && requested) stdout.write(unifiedDiff('', requested.text, diffPath(outcome.path)));
          else messages.note(`Would create ${outcome.path}`);
        }
      }
    }
  }

  const remaining = files.reduce((sum, file) => sum + (file.fatal ? 0 : file.diagnostics.length), 0);
  const savings = describeSavings(estimates);
  const summary = [fixSummary(dryRun, fixedProblems, changedFiles, remaining), savings].filter(Boolean).join('\n');
  const reportStream = stdoutIsData ? stderr : stdout;
  const written = await writeReports(args, files, messages, { command: 'fix', ...(summary ? { summary } : {}) }, reportStream);
  // The stylish report carries the summary; otherwise it goes to stderr so stdout stays parseable.
  const consoleStylish = args.outputs.some((output) => output.path === undefined && output.format === 'stylish') && !args.statistics;
  if (summary && !consoleStylish) messages.note(summary);
  if (unsafeAvailable > 0 && !args.unsafe) messages.note(`${unsafeAvailable} more ${unsafeAvailable === 1 ? 'fix' : 'fixes'} available with --unsafe`);

  if (!written || messages.failed) return 2;
  if (args.check && changedFiles > 0) return 1;
  return problemsExitCode(files, (file) => settingsByReport.get(file) ?? DEFAULT_EXIT_SETTINGS, args);
}

/** `Fixed 3 problems in 2 files; 1 remaining`, or `Would fix …` for a dry run; empty when there is nothing to say. */
export function fixSummary(dryRun: boolean, fixed: number, changedFiles: number, remaining: number): string {
  if (fixed === 0) return remaining > 0 ? `No fixes ${dryRun ? 'to apply' : 'applied'}; ${remaining} remaining` : '';
  return `${dryRun ? 'Would fix' : 'Fixed'} ${plural(fixed, 'problem')} in ${plural(changedFiles, 'file')}; ${remaining} remaining`;
}
