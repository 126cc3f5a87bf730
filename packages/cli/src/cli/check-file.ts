// Linting or fixing one file's text: the work that runs in the main thread or in a worker
// (worker.ts). Everything that goes in and out is plain data, so a worker can post it back.
import type { Diagnostic, FixResult } from '@dockfix/core';
import type { Settings } from './settings.js';
import { withShellParser } from './shell-parser.js';

/** One file to check. */
export interface CheckTask {
  /** The path whose configuration applies (the file, or `--stdin-filename`); null for anonymous stdin. */
  readonly settingsPath: string | null;
  /** The path handed to rules (see lintPath in commands/common.ts). */
  readonly lintPath: string | undefined;
  readonly text: string;
  readonly mode: 'lint' | 'fix';
  /** For `fix`: apply unsafe fixes too (`--unsafe` or the config's `fix.unsafe`). */
  readonly unsafe: boolean;
  /** Return the other files the rules read (for --cache). */
  readonly recordReads: boolean;
}

/** What `fix` found: the fields of core's FixResult that the fix command uses. */
export type FixOutcome = Pick<FixResult, 'output' | 'changed' | 'applied' | 'remaining' | 'diff' | 'unsafeFixable' | 'createFiles' | 'reverted' | 'fatal'>;

/** The result of a {@link CheckTask}. */
export type CheckOutcome =
  | { readonly kind: 'lint'; readonly diagnostics: readonly Diagnostic[]; readonly fatal: boolean; readonly reads?: readonly string[] }
  | { readonly kind: 'fix'; readonly result: FixOutcome; readonly reads?: readonly string[] }
  /** The linter threw (a rule bug): reported for the file, the others still run. */
  | { readonly kind: 'internal-error'; readonly message: string }
  /** The worker checking the file died (a plugin called process.exit, ran out of memory…). */
  | { readonly kind: 'worker-crash'; readonly message: string };

/** Runs a task with the file's settings (loading the shell parser first if the file needs it); never throws. */
export async function checkFile(settings: Settings, task: CheckTask): Promise<CheckOutcome> {
  // The files beside the Dockerfile that the rules looked at (core records them): a cached result
  // holds only while they are as they were.
  const readsOf = (dependencies: readonly string[]) => (task.recordReads ? { reads: dependencies } : {});
  try {
    if (task.mode === 'lint') {
      const result = await withShellParser(() => settings.linter.lint(task.text, { filePath: task.lintPath, config: settings.config }));
      return { kind: 'lint', diagnostics: result.diagnostics, fatal: result.fatal, ...readsOf(result.fileDependencies) };
    }
    const result = await withShellParser(() => settings.linter.fix(task.text, { filePath: task.lintPath, config: settings.config, unsafe: task.unsafe }));
    const { output, changed, applied, remaining, diff, unsafeFixable, createFiles, reverted, fatal } = result;
    return { kind: 'fix', result: { output, changed, applied, remaining, diff, unsafeFixable, createFiles, reverted, fatal }, ...readsOf(result.fileDependencies) };
  } catch (error) {
    return { kind: 'internal-error', message: error instanceof Error ? error.message : String(error) };
  }
}
