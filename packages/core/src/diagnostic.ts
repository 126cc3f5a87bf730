import type { Fix } from './fix.js';
import type { FileCreation } from './rule.js';
import type { TextRange } from './source.js';

/** How serious a problem is. `error` means the build will likely fail or the image is unsafe. */
export type Severity = 'error' | 'warning' | 'info' | 'style';

/** From most to least severe; `style` is hadolint's lowest level (naming, casing, label keys). */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

/** One problem found in a file. Lines and columns are 1-based; columns count UTF-16 code units. */
export interface Diagnostic {
  /** The rule id, or `syntax` for a file the Dockerfile frontend would reject. */
  readonly ruleId: string;
  /** Other tools' codes for the same check, as those tools print them (`DL3059`). */
  readonly aliases: readonly string[];
  readonly severity: Severity;
  /** One line: what is wrong. */
  readonly message: string;
  /** Why it matters and what to do (several sentences), shown by `--verbose`, hover and `dockfix rule`. */
  readonly help?: string;
  readonly range: TextRange;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fix?: Fix;
  /** A file the caller should create to repair the problem (see {@link FileCreation}); fixers of the text ignore it. */
  readonly createFile?: FileCreation;
  /** True for a problem that stops linting (the file does not parse as a Dockerfile). */
  readonly fatal?: boolean;
}
