import { readFileSync } from 'node:fs';
import { ConfigError, type Diagnostic, type RuleMeta, type Severity } from '@dockfix/core';
import { builtinLinter } from '../../index.js';
import { colorEnabled, createColors } from '../colors.js';
import { discoverInputs, type Input } from '../discover.js';
import { describeFsError } from '../fs-errors.js';
import { Messages } from '../output.js';
import type { OutputSpec } from '../report/outputs.js';
import { loadReporter } from '../report/registry.js';
import type { FileReport, ReportContext } from '../report/types.js';
import { writeFilesTogether, type PendingFile } from '../report/write-files.js';
import { resolveSettings, type FailOn, type SeverityOverrides, type Settings } from '../settings.js';

/** Options shared by `lint` and `fix`, as parsed from the command line. */
export interface CheckArgs {
  readonly paths: readonly string[];
  /** The reports to write: `--format name[:path]` (repeatable) and `-o`; the default is stylish on the console. */
  readonly outputs: readonly OutputSpec[];
  readonly config?: string | undefined;
  readonly select?: readonly string[] | undefined;
  readonly extendSelect?: readonly string[] | undefined;
  readonly ignore?: readonly string[] | undefined;
  /** `--fail-on` (alias `--failure-threshold`, `-t`). */
  readonly failOn?: FailOn | undefined;
  /** `--error`/`--warning`/`--info`/`--style RULE`: severity overrides, hadolint-style. */
  readonly severityOverrides?: SeverityOverrides | undefined;
  readonly maxFileSize?: number | undefined;
  readonly stdinFilename?: string | undefined;
  readonly color?: boolean | undefined;
  /** Exit 1 when more than this many problems of severity `warning` are found (ESLint's `--max-warnings`). */
  readonly maxWarnings?: number | undefined;
  /** Report errors only. */
  readonly quiet?: boolean | undefined;
  /** Print problem counts per rule instead of the problems. */
  readonly statistics?: boolean | undefined;
  /** `--exit-zero` / `--no-fail`: exit 0 even when problems are found (2 still means dockfix could not do its job). */
  readonly exitZero?: boolean | undefined;
  /** Skip files that `.gitignore` files ignore while searching directories and globs (default on). */
  readonly respectGitignore?: boolean | undefined;
  /** Show each problem's help, its lines and its fix (`--verbose`, `--show-fixes`). */
  readonly verbose?: boolean | undefined;
}

/** What every check run starts from: settings, the files, and the message sink. */
export interface Prepared {
  readonly settings: Settings;
  readonly inputs: readonly Input[];
  readonly messages: Messages;
}

/** The linter with the built-in rules that every command runs. */
export const linter = builtinLinter;

/**
 * Loads the settings and finds the files. Returns null after printing the error when the
 * configuration is unusable (the run then exits 2 without linting anything).
 */
export async function prepare(args: CheckArgs, cwd: string = process.cwd()): Promise<Prepared | null> {
  const messages = new Messages();
  let settings: Settings;
  try {
    settings = resolveSettings(
      {
        configPath: args.config,
        select: args.select,
        extendSelect: args.extendSelect,
        ignore: args.ignore,
        failOn: args.failOn,
        severityOverrides: args.severityOverrides,
        maxWarnings: args.maxWarnings,
        maxFileSize: args.maxFileSize,
      },
      cwd,
      linter,
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      messages.error(null, error.message);
      return null;
    }
    throw error;
  }
  // `--stdin-filename` alone means "read stdin", as in Ruff.
  const paths = args.paths.length > 0 ? args.paths : args.stdinFilename !== undefined ? ['-'] : ['.'];
  const discovery = await discoverInputs(paths, args.stdinFilename, cwd, { respectGitignore: args.respectGitignore !== false });
  for (const problem of discovery.problems) messages.error(problem.path, problem.message);
  return { settings, inputs: discovery.inputs, messages };
}

/** The path handed to rules: the file as named, or the `--stdin-filename`; undefined for anonymous stdin. */
export function lintPath(input: Input, args: CheckArgs): string | undefined {
  return input.kind === 'stdin' ? args.stdinFilename : input.path;
}

/** Prints a fatal result's reasons as errors: `dockfix: path:line:col: message; …what to do`. */
export function reportFatal(messages: Messages, filePath: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    if (d.fatal) messages.error(`${filePath}:${d.line}:${d.column}`, `${d.message}; docker build would reject this file, so fix that first`);
  }
}

/**
 * Writes the reports: the console one (if any) to `stream` (stdout, or stderr when stdout carries
 * file text or a diff), the others to their files, all together and atomically. When the run already
 * failed (exit 2), report files are not written at all, so CI never uploads half a picture. Returns
 * false (after printing why) when a report file cannot be written.
 */
export async function writeReports(
  args: CheckArgs,
  files: readonly FileReport[],
  messages: Messages,
  stylish: { command: 'lint' | 'fix'; summary?: string },
  stream: NodeJS.WriteStream,
): Promise<boolean> {
  const shown = args.quiet ? files.map((file) => ({ ...file, diagnostics: file.diagnostics.filter((d) => d.severity === 'error') })) : files;
  const base = { cwd: process.cwd(), command: stylish.command, summary: stylish.summary, rules: ruleMetaById(), version: dockfixVersion(), verbose: args.verbose === true };
  const pending: PendingFile[] = [];
  for (const output of args.outputs) {
    const toFile = output.path !== undefined;
    const context: ReportContext = { ...base, colors: createColors(colorEnabled(args.color, !toFile && stream.isTTY === true)) };
    if (!toFile && args.statistics) {
      const { formatStatistics, ruleStatistics } = await import('../report/statistics.js');
      stream.write(formatStatistics(ruleStatistics(shown, context), output.format === 'json'));
      continue;
    }
    const text = (await loadReporter(output.format))(shown, context);
    if (toFile) pending.push({ path: output.path as string, text });
    else stream.write(text);
  }
  if (pending.length === 0) return true;
  if (messages.failed) {
    messages.warn(null, `report ${pending.length === 1 ? 'file' : 'files'} not written because of the errors above: ${pending.map((file) => file.path).join(', ')}`);
    return true;
  }
  const failure = await writeFilesTogether(pending);
  if (failure) {
    messages.error(failure.path, `cannot write the report: ${describeFsError(failure.error)}; no report file was written`);
    return false;
  }
  return true;
}

/** Metadata of the linter's rules, by id, for reporters that describe rules (SARIF, rdjson). */
function ruleMetaById(): ReadonlyMap<string, RuleMeta> {
  return new Map(linter.rules.map((rule) => [rule.meta.id, rule.meta]));
}

let version: string | undefined;
/** dockfix's version, from its package.json. */
export function dockfixVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}

const RANK: Readonly<Record<Severity, number>> = { style: 0, info: 1, warning: 2, error: 3 };

/**
 * The exit code for the problems found (0 or 1): 1 when a problem is at or above the failure
 * threshold (hadolint's `--failure-threshold`, inclusive; `none` never fails), or when there are more
 * warnings than `--max-warnings` allows; always 0 with `--exit-zero`/`--no-fail`. With `--quiet`
 * only errors count toward the threshold, as only they are shown.
 */
export function problemsExitCode(files: readonly FileReport[], settings: Settings, args: Pick<CheckArgs, 'exitZero' | 'quiet'>): 0 | 1 {
  if (args.exitZero) return 0;
  const counted = files.filter((file) => !file.fatal);
  const threshold = settings.failOn;
  const shown = (d: Diagnostic) => !args.quiet || d.severity === 'error';
  if (threshold !== 'none' && counted.some((file) => file.diagnostics.some((d) => shown(d) && RANK[d.severity] >= RANK[threshold]))) return 1;
  if (settings.maxWarnings !== undefined) {
    const warnings = counted.reduce((sum, file) => sum + file.diagnostics.filter((d) => d.severity === 'warning').length, 0);
    if (warnings > settings.maxWarnings) return 1;
  }
  return 0;
}

/** A crash inside the linter (a rule bug): reported like any other per-file error, so the other files still run. */
export function internalError(messages: Messages, filePath: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  messages.error(filePath, `internal error: ${message}; this is a dockfix bug, please report it with the Dockerfile`);
}

/** Replaces a file's text atomically; a failure is a one-line error naming the file, and the file stays as it was. */
export async function writeInPlace(input: Input & { kind: 'file' }, text: string, messages: Messages, what: 'fixed' | 'formatted'): Promise<void> {
  // Loaded on demand: `lint` and `--diff` never write.
  const { default: writeFileAtomic } = await import('write-file-atomic');
  try {
    // Atomic (temp file + rename) and keeps the file's mode and owner; symlinks are resolved first.
    await writeFileAtomic(input.absolutePath, text);
  } catch (error) {
    messages.error(input.path, `cannot write the ${what} file: ${describeFsError(error)}; it was left as it was`);
  }
}
