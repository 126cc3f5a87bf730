import { writeFile } from 'node:fs/promises';
import { ConfigError, type Diagnostic, type Severity } from '@dockfix/core';
import { builtinLinter } from '../../index.js';
import { colorEnabled, createColors } from '../colors.js';
import { discoverInputs, type Input } from '../discover.js';
import { describeFsError } from '../fs-errors.js';
import { Messages } from '../output.js';
import { formatJson } from '../report/json.js';
import { formatStylish } from '../report/stylish.js';
import type { FileReport } from '../report/types.js';
import { SettingsResolver, type Settings } from '../settings.js';

/** Options shared by `lint` and `fix`, as parsed from the command line. */
export interface CheckArgs {
  readonly paths: readonly string[];
  readonly format: 'stylish' | 'json';
  readonly outputFile?: string | undefined;
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
  readonly failureThreshold?: Severity | undefined;
  readonly maxFileSize?: number | undefined;
  readonly stdinFilename?: string | undefined;
  readonly color?: boolean | undefined;
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
  const discovery = await discoverInputs(paths, args.stdinFilename, cwd);
  const settings = new Map<Input, Settings>();
  try {
    const resolver = new SettingsResolver(
      {
        configPath: args.config,
        noConfig: args.noConfig,
        noConfigLookup: args.noConfigLookup,
        select: args.select,
        extendSelect: args.extendSelect,
        ignore: args.ignore,
        failureThreshold: args.failureThreshold,
        maxFileSize: args.maxFileSize,
        reportUnusedPragmas: args.reportUnusedPragmas,
      },
      cwd,
      linter.rules,
    );
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
 * Writes the report to `-o` or to a stream: stdout normally, stderr when stdout carries the
 * rewritten text or a diff. Returns false (after printing why) when `-o` cannot be written.
 */
export async function writeReport(
  args: CheckArgs,
  files: readonly FileReport[],
  messages: Messages,
  stylish: { command: 'lint' | 'fix'; summary?: string },
  stream: NodeJS.WriteStream,
): Promise<boolean> {
  const toFile = args.outputFile !== undefined;
  const colors = createColors(colorEnabled(args.color, !toFile && stream.isTTY === true));
  const text = args.format === 'json' ? formatJson(files) : formatStylish(files, { colors, ...stylish });
  if (!toFile) {
    stream.write(text);
    return true;
  }
  try {
    await writeFile(args.outputFile as string, text);
    return true;
  } catch (error) {
    messages.error(args.outputFile as string, `cannot write the report: ${describeFsError(error)}`);
    return false;
  }
}

const RANK: Readonly<Record<Severity, number>> = { style: 0, info: 1, warning: 2, error: 3 };

/**
 * True when a problem is at or above the failure threshold (hadolint's `--failure-threshold`, inclusive).
 * The threshold may differ per file (each file's config); null means the file never fails (`noFail`).
 */
export function failsThreshold(files: readonly FileReport[], threshold: Severity | ((file: FileReport) => Severity | null)): boolean {
  return files.some((file) => {
    const level = typeof threshold === 'function' ? threshold(file) : threshold;
    return level !== null && !file.fatal && file.diagnostics.some((d) => RANK[d.severity] >= RANK[level]);
  });
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
