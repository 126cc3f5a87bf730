import type { LintResult } from '@dockfix/core';
import { readInput } from '../read-input.js';
import type { FileReport } from '../report/types.js';
import type { Settings } from '../settings.js';
import { DEFAULT_EXIT_SETTINGS, internalError, lintPath, prepare, problemsExitCode, reportFatal, writeReports, type CheckArgs } from './common.js';

/**
 * `dockfix lint`: reports problems. Exit 0 when nothing reaches the failure threshold, 1 when
 * something does, 2 when a file or the configuration could not be used.
 */
export async function runLint(args: CheckArgs): Promise<number> {
  const prepared = await prepare(args);
  if (!prepared) return 2;
  const { inputs, messages } = prepared;

  const files: FileReport[] = [];
  const settingsByReport = new Map<FileReport, Settings>();
  for (const input of inputs) {
    const settings = prepared.settingsOf(input);
    const read = await readInput(input, settings.maxFileSize);
    if (!read.ok) {
      messages.error(input.path, read.message);
      continue;
    }
    let result: LintResult;
    try {
      result = settings.linter.lint(read.text, { filePath: lintPath(input, args), config: settings.config });
    } catch (error) {
      internalError(messages, input.path, error);
      continue;
    }
    if (result.fatal) reportFatal(messages, input.path, result.diagnostics);
    const report: FileReport = { filePath: input.path, diagnostics: result.diagnostics, fatal: result.fatal, text: read.text };
    files.push(report);
    settingsByReport.set(report, settings);
  }

  const written = await writeReports(args, files, messages, { command: 'lint' }, process.stdout);
  if (!written || messages.failed) return 2;
  return problemsExitCode(files, (file) => settingsByReport.get(file) ?? DEFAULT_EXIT_SETTINGS, args);
}
