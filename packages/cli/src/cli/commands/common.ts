import { writeFile } from 'node:fs/promises';
import { ConfigError, type Diagnostic, type Severity } from '@dockfix/core';
import { shellcheckProblem } from '@dockfix/rules/shellcheck';
import { builtinLinter } from '../../index.js';
import { colorEnabled, createColors } from '../colors.js';
import { discoverInputs, type Input } from '../discover.js';
import { describeFsError } from '../fs-errors.js';
import { Messages } from '../output.js';
import { formatJson } from '../report/json.js';
import { formatStylish } from '../report/stylish.js';
import type { FileReport } from '../report/types.js';
import { resolveSettings, type Settings } from '../settings.js';

/** Options shared by `lint` and `fix`, as parsed from the command line. */
export interface CheckArgs {
  readonly paths: readonly string[];
  readonly format: 'stylish' | 'json';
  readonly outputFile?: string | undefined;
  readonly config?: string | undefined;
  readonly select?: readonly string[] | undefined;
  readonly extendSelect?: readonly string[] | undefined;
  readonly ignore?: readonly string[] | undefined;
  readonly failureThreshold?: Severity | undefined;
  readonly maxFileSize?: number | undefined;
  readonly stdinFilename?: string | undefined;
  readonly color?: boolean | undefined;
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
        failureThreshold: args.failureThreshold,
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
  // The shellcheck rule finds nothing without its binary: say so once for the run, then go on.
  const shellcheck = linter.resolve(settings.config).find((resolved) => resolved.rule.meta.id === 'shellcheck');
  const problem = shellcheck ? shellcheckProblem(String(shellcheck.options.executable ?? 'shellcheck')) : null;
  if (problem) messages.warn(null, problem);
  // `--stdin-filename` alone means "read stdin", as in Ruff.
  const paths = args.paths.length > 0 ? args.paths : args.stdinFilename !== undefined ? ['-'] : ['.'];
  const discovery = await discoverInputs(paths, args.stdinFilename, cwd);
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

/** True when a problem is at or above the failure threshold (hadolint's `--failure-threshold`, inclusive). */
export function failsThreshold(files: readonly FileReport[], threshold: Severity): boolean {
  return files.some((file) => !file.fatal && file.diagnostics.some((d) => RANK[d.severity] >= RANK[threshold]));
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
