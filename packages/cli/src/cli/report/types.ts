import type { Diagnostic } from '@dockfix/core';

/** What a reporter shows for one file. */
export interface FileReport {
  /** The path as the user named it (or the `--stdin-filename`). */
  readonly filePath: string;
  readonly diagnostics: readonly Diagnostic[];
  /** True when the file is not a buildable Dockerfile; its diagnostics are then the reasons (rule `syntax`). */
  readonly fatal: boolean;
  /** The text the diagnostics' offsets refer to, for code frames under `--verbose`. */
  readonly text?: string;
}
