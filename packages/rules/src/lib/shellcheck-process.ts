import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One ShellCheck finding in a script, as its `json1` format gives it (lines 1-based, columns in code points, tabs count 1). */
export interface ShellcheckComment {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly level: 'error' | 'warning' | 'info' | 'style';
  readonly code: number;
  readonly message: string;
}

/** The findings of each script, in the order given; or why ShellCheck could not run. */
export type ShellcheckOutcome = { readonly ok: true; readonly results: readonly (readonly ShellcheckComment[])[] } | { readonly ok: false; readonly reason: string };

/**
 * Codes hadolint leaves out, and so does dockfix: SC2187 (ash is checked as dash, said on every RUN of
 * an ash SHELL), SC1090 and SC1091 (a sourced file cannot be followed without a directive a RUN cannot hold).
 */
export const EXCLUDED_CODES = ['SC2187', 'SC1090', 'SC1091'] as const;

/** Scripts handed to one process; a few hundred keep the command line far below any OS limit. */
const BATCH = 200;
/** Findings kept per distinct script, so that `fix`'s re-lint passes only check the RUNs a fix changed. */
const CACHE_LIMIT = 5000;
/**
 * node:child_process, loaded when ShellCheck first runs (process.getBuiltinModule, Node >= 20.16): with
 * net and dgram it is ~3 ms of every one-file lint otherwise, and the shellcheck rule is opt-in.
 */
const childProcess = () => process.getBuiltinModule('node:child_process');

const cache = new Map<string, readonly ShellcheckComment[]>();
const missing = new Map<string, string>();

/**
 * Why `executable` cannot run (not on PATH, not executable), or null when it runs. The answer is kept
 * for the life of the process, so a CLI can ask once and print one notice.
 */
export function shellcheckProblem(executable = 'shellcheck'): string | null {
  if (missing.has(executable)) return missing.get(executable) ?? null;
  const probe = childProcess().spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const problem = probe.error
    ? (probe.error as NodeJS.ErrnoException).code === 'ENOENT'
      ? `${executable} not found on PATH; install it (apt-get install shellcheck) or drop --shellcheck`
      : `${executable} could not run: ${probe.error.message}`
    : probe.status === 0
      ? null
      : `${executable} --version failed: ${(probe.stderr || probe.stdout).trim().split('\n')[0] ?? `exit ${probe.status}`}`;
  missing.set(executable, problem ?? '');
  return problem;
}

/**
 * Runs ShellCheck synchronously on scripts (each a whole file: shebang first), one process for up to
 * {@link BATCH} of them through `--format=json1`, so a Dockerfile costs one process start, not one per RUN.
 * Scripts seen before are answered from a cache. `.shellcheckrc` files are not read (`--norc`): the
 * scripts live in a temporary directory, and the results must not depend on the home directory.
 */
export function runShellcheck(scripts: readonly string[], executable = 'shellcheck'): ShellcheckOutcome {
  const problem = shellcheckProblem(executable);
  if (problem) return { ok: false, reason: problem };
  const key = (script: string) => `${executable}\0${script}`;
  const todo = [...new Set(scripts.filter((script) => !cache.has(key(script))))];
  for (let start = 0; start < todo.length; start += BATCH) {
    const batch = todo.slice(start, start + BATCH);
    const outcome = runBatch(batch, executable);
    if (!outcome.ok) return outcome;
    if (cache.size + batch.length > CACHE_LIMIT) cache.clear();
    batch.forEach((script, index) => cache.set(key(script), outcome.results[index] ?? []));
  }
  return { ok: true, results: scripts.map((script) => cache.get(key(script)) ?? []) };
}

function runBatch(scripts: readonly string[], executable: string): ShellcheckOutcome {
  const dir = mkdtempSync(join(tmpdir(), 'dockfix-shellcheck-'));
  try {
    const names = scripts.map((script, index) => {
      const name = `run-${index}.sh`;
      writeFileSync(join(dir, name), script);
      return name;
    });
    const result = childProcess().spawnSync(executable, ['--format=json1', '--norc', '--severity=style', `--exclude=${EXCLUDED_CODES.join(',')}`, '--', ...names], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 120_000,
    });
    // Exit 1 means "found something"; anything else is ShellCheck failing.
    if (result.error || (result.status !== 0 && result.status !== 1)) {
      const why = result.error?.message ?? (result.stderr.trim().split('\n')[0] || `exit ${result.status}`);
      return { ok: false, reason: `${executable} failed: ${why}` };
    }
    const parsed = JSON.parse(result.stdout) as { comments: (ShellcheckComment & { file: string })[] };
    const byName = new Map<string, ShellcheckComment[]>(names.map((name) => [name, []]));
    for (const { file, line, column, endLine, endColumn, level, code, message } of parsed.comments) {
      byName.get(file)?.push({ line, column, endLine, endColumn, level, code, message });
    }
    return { ok: true, results: names.map((name) => byName.get(name) ?? []) };
  } catch (error) {
    return { ok: false, reason: `${executable} gave output dockfix cannot read: ${(error as Error).message}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
