import type { LintResult, Severity } from '@dockfix/core';
import { readInput } from '../read-input.js';
import type { FileReport } from '../report/types.js';
import { failsThreshold, internalError, lintPath, prepare, reportFatal, writeReport, type CheckArgs } from './common.js';

/**
 * `dockfix lint`: reports problems. Exit 0 when nothing reaches the failure threshold, 1 when
 * something does, 2 when a file or the configuration could not be used.
 */
export async function runLint(args: CheckArgs): Promise<number> {
  const prepared = await prepare(args);
  if (!prepared) return 2;
  const { inputs, messages } = prepared;

  const files: FileReport[] = [];
  const thresholds = new Map<FileReport, Severity | null>();
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
    const report: FileReport = { filePath: input.path, diagnostics: result.diagnostics, fatal: result.fatal };
    files.push(report);
    thresholds.set(report, settings.noFail ? null : settings.failureThreshold);
  }

  const written = await writeReport(args, files, messages, { command: 'lint' }, process.stdout);
  if (!written || messages.failed) return 2;
  return failsThreshold(files, (file) => (thresholds.has(file) ? (thresholds.get(file) ?? null) : 'style')) ? 1 : 0;
}
