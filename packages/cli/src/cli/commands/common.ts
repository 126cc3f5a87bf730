import { readFileSync } from 'node:fs';
import { ConfigError, type Diagnostic, type RuleMeta, type Severity } from '@dockfix/core';
import { shellcheckProblem } from '@dockfix/rules/shellcheck';
import { builtinLinter } from '../../index.js';
import { colorEnabled, createColors } from '../colors.js';
import { discoverInputs, type Input } from '../discover.js';
import { describeFsError } from '../fs-errors.js';
import { Messages } from '../output.js';
import type { TextOutput } from '../stdio.js';
import type { OutputSpec } from '../report/outputs.js';
import { loadReporter } from '../report/registry.js';
import type { FileReport, ReportContext } from '../report/types.js';
import { writeFilesTogether, type PendingFile } from '../report/write-files.js';
import { SettingsResolver, type CliSettings, type FailOn, type SeverityOverrides, type Settings } from '../settings.js';
import type { CacheStrategy, Jobs } from '../scale-options.js';
import type { CheckOutcome } from '../check-file.js';
import { runChecks, type CheckedInput } from '../run-checks.js';
import { dockfixVersion } from '../version.js';
import { replaceFile, ReplaceError, type Snapshot } from '../replace-file.js';

/** Options shared by `lint` and `fix`, as parsed from the command line. */
export interface CheckArgs {
  readonly paths: readonly string[];
  /** The reports to write: `--format name[:path]` (repeatable) and `-o`; the default is stylish on the console. */
  readonly outputs: readonly OutputSpec[];
  readonly config?: string | undefined;
  /** `--no-config`: no config file at all. */
  readonly noConfig?: boolean | undefined;
  /** `--no-config-lookup`: only `--config`, if given. */
  readonly noConfigLookup?: boolean | undefined;
  /** `--report-unused-pragmas`. */
  readonly reportUnusedPragmas?: boolean | undefined;
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
  /** `--jobs`/`-j`/`--concurrency`: worker threads (1: none); default `auto`. */
  readonly jobs?: Jobs | undefined;
  /** `--cache`: reuse the results of unchanged files. */
  readonly cache?: boolean | undefined;
  /** `--cache-location`: the cache file, or a directory for `.dockfixcache`. */
  readonly cacheLocation?: string | undefined;
  readonly cacheStrategy?: CacheStrategy | undefined;
}

/** What every check run starts from: the files, each file's settings, and the message sink. */
export interface Prepared {
  readonly inputs: readonly Input[];
  readonly messages: Messages;
  /** The settings of one of {@link inputs}. */
  settingsOf(input: Input): Settings;
}

/** The linter with the built-in rules that every command runs (a config with plugins gets its own). */
export const linter = builtinLinter;

/**
 * Finds the files and resolves the configuration of each (searched up from its directory; cached
 * per directory). Every configuration is loaded before anything is linted, so a bad one stops the
 * run with exit 2 before any report is written. Returns null after printing the error then.
 */
export async function prepare(args: CheckArgs, cwd: string = process.cwd()): Promise<Prepared | null> {
  const messages = new Messages();
  // `--stdin-filename` alone means "read stdin", as in Ruff.
  const paths = args.paths.length > 0 ? args.paths : args.stdinFilename !== undefined ? ['-'] : ['.'];
  const discovery = await discoverInputs(paths, args.stdinFilename, cwd, { respectGitignore: args.respectGitignore !== false });
  const settings = new Map<Input, Settings>();
  try {
    const resolver = new SettingsResolver(cliSettings(args), cwd, linter.rules);
    // Resolved even with no input, so that a broken config is reported on an empty directory too.
    if (discovery.inputs.length === 0) await resolver.forPath(null);
    for (const input of discovery.inputs) settings.set(input, await resolver.forPath(input.kind === 'stdin' ? (args.stdinFilename ?? null) : input.path));
  } catch (error) {
    if (error instanceof ConfigError) {
      messages.error(null, error.message);
      return null;
    }
    throw error;
  }
  // The shellcheck rule finds nothing without its binary: say so once for the run, then go on.
  const shellcheckProblems = new Set<string>();
  for (const own of new Set(settings.values())) {
    const shellcheck = own.linter.resolve(own.config).find((resolved) => resolved.rule.meta.id === 'shellcheck');
    const problem = shellcheck ? shellcheckProblem(String(shellcheck.options.executable ?? 'shellcheck')) : null;
    if (problem) shellcheckProblems.add(problem);
  }
  for (const problem of shellcheckProblems) messages.warn(null, problem);
  for (const problem of discovery.problems) messages.error(problem.path, problem.message);
  const warned = new Set<string>();
  for (const warning of [...settings.values()].flatMap((s) => s.warnings)) {
    if (warned.has(warning)) continue;
    warned.add(warning);
    messages.warn(null, warning);
  }
  const named = new Set(args.paths);
  const inputs = discovery.inputs.filter((input) => {
    const own = settings.get(input);
    if (!own?.ignored || input.kind === 'stdin') return true;
    // Files found in a directory are skipped quietly; a file named on the command line gets a word, as in ESLint.
    if (named.has(input.path)) messages.warn(input.path, `skipped: ignorePatterns in ${own.configFile ?? 'the config'} exclude it`);
    return false;
  });
  return {
    inputs,
    messages,
    settingsOf: (input) => {
      const own = settings.get(input);
      if (!own) throw new Error(`no settings for ${input.path}`);
      return own;
    },
  };
}

/** What of the command line goes into each file's settings (plain data: worker threads get a copy). */
export function cliSettings(args: CheckArgs): CliSettings {
  return {
    configPath: args.config,
    noConfig: args.noConfig,
    noConfigLookup: args.noConfigLookup,
    select: args.select,
    extendSelect: args.extendSelect,
    ignore: args.ignore,
    failOn: args.failOn,
    severityOverrides: args.severityOverrides,
    maxWarnings: args.maxWarnings,
    maxFileSize: args.maxFileSize,
    reportUnusedPragmas: args.reportUnusedPragmas,
  };
}

/** Checks the prepared inputs (in worker threads and from the cache as the arguments say); one outcome per input, in order. */
export function checkPrepared(prepared: Prepared, args: CheckArgs, command: 'lint' | 'fix', unsafe = false, cwd: string = process.cwd()): Promise<CheckedInput[]> {
  return runChecks(
    prepared.inputs,
    prepared.settingsOf,
    (input) => lintPath(input, args),
    {
      command,
      unsafe,
      jobs: args.jobs ?? 'auto',
      cache: args.cache ? { location: args.cacheLocation, strategy: args.cacheStrategy ?? 'metadata' } : undefined,
      cli: cliSettings(args),
      cwd,
    },
    prepared.messages,
  );
}

/** Reports a file that was read but could not be checked (a crashed rule or worker); true if it was such a file. */
export function reportCheckFailure(messages: Messages, filePath: string, outcome: CheckOutcome): boolean {
  if (outcome.kind === 'internal-error') {
    internalError(messages, filePath, new Error(outcome.message));
    return true;
  }
  if (outcome.kind === 'worker-crash') {
    messages.error(filePath, `the worker thread checking this file crashed (${outcome.message}); no result for it; run with --jobs 1 to check it in the main thread, and report it if a rule or plugin is at fault`);
    return true;
  }
  return false;
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
  stream: TextOutput,
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

const RANK: Readonly<Record<Severity, number>> = { style: 0, info: 1, warning: 2, error: 3 };

/** The exit settings of a report no file's settings are known for (none in practice): any problem fails. */
export const DEFAULT_EXIT_SETTINGS: Pick<Settings, 'failOn' | 'noFail'> = { failOn: 'style', noFail: false };

/**
 * The exit code for the problems found (0 or 1): 1 when a problem is at or above its file's failure
 * threshold (hadolint's `--failure-threshold`, inclusive; `none` never fails), or when there are more
 * warnings than `--max-warnings` allows; always 0 with `--exit-zero`/`--no-fail`. With `--quiet`
 * only errors count toward the threshold, as only they are shown. The threshold may differ per file
 * (each file's config); a file whose config says `noFail` counts for neither.
 */
export function problemsExitCode(
  files: readonly FileReport[],
  settingsOf: (file: FileReport) => Pick<Settings, 'failOn' | 'noFail'>,
  args: Pick<CheckArgs, 'exitZero' | 'quiet' | 'maxWarnings'>,
): 0 | 1 {
  if (args.exitZero) return 0;
  const counted = files.filter((file) => !file.fatal && !settingsOf(file).noFail);
  const shown = (d: Diagnostic) => !args.quiet || d.severity === 'error';
  const fails = (file: FileReport) => {
    const threshold = settingsOf(file).failOn;
    return threshold !== 'none' && file.diagnostics.some((d) => shown(d) && RANK[d.severity] >= RANK[threshold]);
  };
  if (counted.some(fails)) return 1;
  if (args.maxWarnings !== undefined) {
    const warnings = counted.reduce((sum, file) => sum + file.diagnostics.filter((d) => d.severity === 'warning').length, 0);
    if (warnings > args.maxWarnings) return 1;
  }
  return 0;
}

/** A crash inside the linter (a rule bug): reported like any other per-file error, so the other files still run. */
export function internalError(messages: Messages, filePath: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  messages.error(filePath, `internal error: ${message}; this is a dockfix bug, please report it with the Dockerfile`);
}

/**
 * Replaces a file's text atomically, keeping its mode and owner and writing through symlinks, unless it
 * changed since `snapshot` was taken; a failure is a one-line error naming the file, which stays as it was.
 */
export async function writeInPlace(input: Input & { kind: 'file' }, text: string, snapshot: Snapshot | undefined, messages: Messages, what: 'fixed' | 'formatted'): Promise<void> {
  try {
    if (!snapshot) throw new Error('no snapshot of the file as read');
    await replaceFile(input.absolutePath, text, snapshot);
  } catch (error) {
    const reason = error instanceof ReplaceError ? error.message : describeFsError(error);
    messages.error(input.path, `cannot write the ${what} file: ${reason}; it was left as it was`);
  }
}
