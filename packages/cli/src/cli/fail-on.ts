// Kept free of imports: main.ts needs these values before anything heavy (the linter) is loaded.

/** The lowest severity that makes the exit code 1; `none` never does (hadolint's `-t none`). */
export type FailOn = 'error' | 'warning' | 'info' | 'style' | 'none';

/** The values of `--fail-on`, most severe first. */
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'info', 'style', 'none'];
