// Helpers for the CLI end-to-end tests: temp projects and runs of the built binary.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

/** The built binary, run the way a user runs it. */
export const BIN = path.join(repoRoot, 'packages', 'cli', 'bin', 'dockfix.js');

if (!existsSync(path.join(repoRoot, 'packages', 'cli', 'dist', 'cli', 'main.js'))) {
  throw new Error('the CLI is not built: run `npx tsc -b` (or `npm test`, which builds first) before the CLI tests');
}

/** What a run printed and how it exited. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run the CLI. */
export interface RunOptions {
  readonly cwd: string;
  /** Bytes for stdin; without it stdin is closed (`ignore`), as in CI. */
  readonly input?: string | Uint8Array;
  /** Added to a clean environment (no colour variables, no npm_* variables). */
  readonly env?: Readonly<Record<string, string>>;
  /** Run as this uid/gid (needs root): for permission tests, which root itself would pass. */
  readonly asUser?: { readonly uid: number; readonly gid: number };
}

/** The environment without colour settings a test runner may have set, so output is predictable. */
export function cleanEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|NO_COLOR$|FORCE_COLOR$|CI$|TERM$)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs `node packages/cli/bin/dockfix.js …args`, optionally as another user through `setpriv`. */
export function runCli(args: readonly string[], options: RunOptions): Promise<CliResult> {
  const nodeArgs = [BIN, ...args];
  const [command, commandArgs] = options.asUser
    ? ['setpriv', [`--reuid=${options.asUser.uid}`, `--regid=${options.asUser.gid}`, '--clear-groups', process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      cwd: options.cwd,
      env: cleanEnv(options.env),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    if (options.input !== undefined && child.stdin) child.stdin.end(options.input);
  });
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp directory holding `files` (path → content); removed after the test file. */
export function makeProject(files: Readonly<Record<string, string | Uint8Array>> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockfix-cli-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) writeProjectFile(dir, name, content);
  return dir;
}

/** Writes one file into a project, creating its directories. */
export function writeProjectFile(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** Lets another user read the project: mkdtemp makes 0700 directories. */
export function shareWithEveryone(dir: string): void {
  chmodSync(dir, 0o755);
}

/**
 * How to run the CLI as an unprivileged user, for a permission test. As root (CI containers)
 * chmod 000 does not stop reads, so the run drops to `nobody` through setpriv; as a normal user the
 * permission bits already apply.
 */
export function unprivileged(): { readonly uid: number; readonly gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const probe = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', 'process.exit(process.getuid() === 65534 ? 0 : 1)']);
  if (probe.error || probe.status !== 0) {
    throw new Error('running as root, and `setpriv` (util-linux) cannot drop to uid 65534: install util-linux so the permission test can run honestly');
  }
  return { uid: 65534, gid: 65534 };
}

/** The JSON report, parsed. */
export function parseJsonReport(stdout: string): JsonFile[] {
  return JSON.parse(stdout) as JsonFile[];
}

/** One file of the `--format json` report. */
export interface JsonFile {
  filePath: string;
  messages: {
    ruleId: string;
    aliases: string[];
    severity: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    fix?: { safety: string; title: string; edits: { start: number; end: number; text: string }[] };
  }[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
}

/** Rule ids of a JSON file result, in report order. */
export function ruleIds(file: JsonFile | undefined): string[] {
  return (file?.messages ?? []).map((message) => message.ruleId);
}
