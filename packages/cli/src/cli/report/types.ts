import type { Diagnostic, RuleMeta } from '@dockfix/core';
import type { Colors } from '../colors.js';

/** What a reporter shows for one file. */
export interface FileReport {
  /** The path as the user named it (or the `--stdin-filename`). */
  readonly filePath: string;
  readonly diagnostics: readonly Diagnostic[];
  /** True when the file is not a buildable Dockerfile; its diagnostics are then the reasons (rule `syntax`). */
  readonly fatal: boolean;
  /** The text the diagnostics' offsets point into: code frames under `--verbose`, reporters that place fixes or fingerprints. */
  readonly text?: string | undefined;
}

/** What a reporter knows about the run besides the files. */
export interface ReportContext {
  /** The directory paths are relative to: SARIF's `%SRCROOT%`, the repository root in CI. */
  readonly cwd: string;
  readonly colors: Colors;
  readonly command: 'lint' | 'fix';
  /** For `fix`: what was fixed and what remains (stylish prints it). */
  readonly summary?: string | undefined;
  /** Metadata of the rules that can appear, by id (descriptions, default severities, docs). */
  readonly rules: ReadonlyMap<string, RuleMeta>;
  /** dockfix's version, for SARIF's `tool.driver.version`. */
  readonly version: string;
  /** `--verbose`: stylish shows each problem's help, its lines and its fix. */
  readonly verbose?: boolean | undefined;
}

/** Turns a run's results into the text of one report format. */
export type Reporter = (files: readonly FileReport[], context: ReportContext) => string;
