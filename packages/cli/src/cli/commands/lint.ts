import type { FileReport } from '../report/types.js';
import type { Settings } from '../settings.js';
import { checkPrepared, DEFAULT_EXIT_SETTINGS, prepare, problemsExitCode, reportCheckFailure, reportFatal, writeReports, type CheckArgs } from './common.js';
import { stdout } from '../stdio.js';

/**
 * `dockfix lint`: reports problems. Exit 0 when nothing reaches the failure threshold, 1 when
 * something does, 2 when a file or the configuration could not be used.
 */
export async function runLint(args: CheckArgs): Promise<number> {
  const prepared = await prepare(args);
  if (!prepared) return 2;
  const { messages } = prepared;

  const files: FileReport[] = [];
  const settingsByReport = new Map<FileReport, Settings>();
  for (const { input, settings, read, outcome } of await checkPrepared(prepared, args, 'lint')) {
    if (!read.ok) {
      messages.error(input.path, read.message);
      continue;
    }
    if (!outcome || reportCheckFailure(messages, input.path, outcome) || outcome.kind !== 'lint') continue;
    if (outcome.fatal) reportFatal(messages, input.path, outcome.diagnostics);
    const report: FileReport = { filePath: input.path, diagnostics: outcome.diagnostics, fatal: outcome.fatal, text: read.text };
    files.push(report);
    settingsByReport.set(report, settings);
  }

  const written = await writeReports(args, files, messages, { command: 'lint' }, stdout);
  if (!written || messages.failed) return 2;
  return problemsExitCode(files, (file) => settingsByReport.get(file) ?? DEFAULT_EXIT_SETTINGS, args);
}
