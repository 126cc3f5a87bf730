import { createLinter, type FixOptions, type FixResult, type LintOptions, type LintResult } from '@dockfix/core';
import { rules } from '@dockfix/rules';

export * from '@dockfix/core';
export { rules } from '@dockfix/rules';

const linter = createLinter({ rules });

/** Lints Dockerfile text with the built-in rules. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return linter.lint(text, options);
}

/** Applies the built-in rules' fixes (safe ones, plus unsafe ones with `unsafe: true`) and returns the new text. */
export function fix(text: string, options: FixOptions = {}): FixResult {
  return linter.fix(text, options);
}

/** The linter with the built-in rules, for callers that want `resolve` as well. */
export const builtinLinter = linter;
