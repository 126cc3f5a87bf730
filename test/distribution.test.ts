// The ways dockfix is distributed, each exercised: the pre-commit hooks (with the real pre-commit
// when it is installed, else the way pre-commit runs them), the composite GitHub Action's scripts,
// and the Dockerfile of dockfix's own image (linted; no Docker engine runs here).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { BIN, cleanEnv, makeProject, runCli } from './cli/run-cli.js';
import { CLEAN_APP, KNOWN_RULES, NODE_APP } from './cli/fixtures.js';
import { repoRoot } from './helpers/paths.js';

/** A directory with a `dockfix` executable that runs the built CLI: what `npm install -g dockfix` puts on PATH. */
function dockfixOnPath(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockfix-bin-'));
  const shim = path.join(dir, 'dockfix');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

const PATH_WITH_DOCKFIX = `${dockfixOnPath()}${path.delimiter}${process.env.PATH ?? ''}`;
const SELECT = ['--select', KNOWN_RULES.join(',')];

interface ManifestHook {
  id: string;
  name: string;
  entry: string;
  language: string;
  types: string[];
  additional_dependencies?: string[];
  require_serial?: boolean;
}

const manifest = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as ManifestHook[];

/** identify's `dockerfile` tag (what `types: [dockerfile]` selects): the name, or a dot-separated part of it, is `Dockerfile`, or the extension is `.dockerfile`. */
function isDockerfileForIdentify(file: string): boolean {
  const name = path.basename(file);
  return [name, ...name.split('.')].includes('Dockerfile') || path.extname(name).toLowerCase() === '.dockerfile';
}

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** A git repository with one dirty Dockerfile, one clean one and a file that is no Dockerfile. */
function repository(): string {
  const cwd = makeProject({ Dockerfile: NODE_APP, 'web/prod.Dockerfile': CLEAN_APP, 'README.md': '# not a Dockerfile\nRUN npm install\n' });
  git(cwd, 'init', '-q');
  git(cwd, 'config', 'user.email', 'test@example.com');
  git(cwd, 'config', 'user.name', 'test');
  return cwd;
}

function hasPreCommit(): boolean {
  const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  return probe.status === 0;
}

describe('pre-commit hooks', () => {
  test('.pre-commit-hooks.yaml declares dockfix and dockfix-fix as node hooks on dockerfile types', () => {
    expect(manifest.map((hook) => hook.id)).toEqual(['dockfix', 'dockfix-fix']);
    for (const hook of manifest) {
      expect(hook.language).toBe('node');
      expect(hook.types).toEqual(['dockerfile']);
      expect(hook.entry).toMatch(/^dockfix (lint|fix)$/);
      // The repository root is a workspace, not the package: the hook env installs the published one.
      expect(hook.additional_dependencies).toEqual([expect.stringMatching(/^dockfix@\d+\.\d+\.\d+$/)]);
      const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { version: string };
      expect(hook.additional_dependencies?.[0]).toBe(`dockfix@${version}`);
    }
  });

  test('the hooks lint and fix staged Dockerfiles only, failing as pre-commit expects', async () => {
    const cwd = repository();
    if (hasPreCommit()) {
      // The real tool, on `repo: local` copies of the manifest's hooks. `language: system` instead of
      // `node` only because a node hook would install dockfix from the npm registry; the entry, types
      // and file selection are the manifest's.
      const hooks = manifest.map(({ additional_dependencies: _deps, language: _language, ...hook }) => ({ ...hook, language: 'system', args: SELECT }));
      writeFileSync(path.join(cwd, '.pre-commit-config.yaml'), JSON.stringify({ repos: [{ repo: 'local', hooks }] }, null, 2));
      git(cwd, 'add', '-A');
      const env = cleanEnv({ PATH: PATH_WITH_DOCKFIX, PRE_COMMIT_HOME: path.join(cwd, '.pre-commit-home'), PRE_COMMIT_COLOR: 'never' });
      const run = (id: string) => spawnSync('pre-commit', ['run', id, '--all-files'], { cwd, env, encoding: 'utf8' });

      const lint = run('dockfix');
      expect(lint.status, lint.stdout + lint.stderr).toBe(1);
      expect(lint.stdout).toMatch(/^dockfix lint\.+Failed$/m);
      expect(lint.stdout).toContain('npm-omit-dev');
      expect(lint.stdout).not.toContain('README.md');

      const fix = run('dockfix-fix');
      expect(fix.status).toBe(1);
      expect(fix.stdout).toMatch(/^dockfix fix\.+Failed$/m);
      expect(fix.stdout).toContain('files were modified by this hook');
      expect(readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).toContain('npm install --omit=dev && npm cache clean --force');
      expect(readFileSync(path.join(cwd, 'README.md'), 'utf8')).toContain('RUN npm install');

      writeFileSync(path.join(cwd, 'Dockerfile'), CLEAN_APP);
      git(cwd, 'add', '-A');
      expect(run('dockfix').stdout).toMatch(/^dockfix lint\.+Passed$/m);
      expect(run('dockfix-fix').stdout).toMatch(/^dockfix fix\.+Passed$/m);
      return;
    }
    // Without pre-commit: what it would do. Select files by the hook's types, run `entry` with the
    // file names appended, and judge the hook by its exit code and by whether files changed.
    const files = ['Dockerfile', 'web/prod.Dockerfile', 'README.md'].filter(isDockerfileForIdentify);
    expect(files).toEqual(['Dockerfile', 'web/prod.Dockerfile']);
    const runHook = (hook: ManifestHook) => {
      const [command, ...entryArgs] = hook.entry.split(' ');
      expect(command).toBe('dockfix');
      return spawnSync(command as string, [...entryArgs, ...SELECT, ...files], { cwd, env: cleanEnv({ PATH: PATH_WITH_DOCKFIX }), encoding: 'utf8' });
    };
    const [lintHook, fixHook] = manifest as [ManifestHook, ManifestHook];
    const lint = runHook(lintHook);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('npm-omit-dev');
    const before = readFileSync(path.join(cwd, 'Dockerfile'), 'utf8');
    runHook(fixHook);
    expect(readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).not.toBe(before);
    expect(readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).toContain('npm install --omit=dev && npm cache clean --force');
  });
});

interface ActionStep {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface Action {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

describe('GitHub Action (action.yml)', () => {
  const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as Action;

  /** Evaluates the `${{ inputs.x }}` expressions of a step's env the way the runner does. */
  function evaluate(value: string, inputs: Record<string, string>): string {
    return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_match, expression: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      if (!input) throw new Error(`unexpected expression in env: ${expression}`);
      const name = input[1] as string;
      if (!(name in action.inputs)) throw new Error(`undeclared input ${name}`);
      return inputs[name] ?? action.inputs[name]?.default ?? '';
    });
  }

  test('a composite action: node, install, run, upload SARIF, optional reviewdog; inputs never pasted into scripts', () => {
    expect(action.runs.using).toBe('composite');
    const uses = action.runs.steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(uses).toEqual(['actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3', 'reviewdog/action-setup@v1']);
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.with?.sarif_file).toBe('${{ inputs.sarif-file }}');
    expect(upload?.if).toMatch(/always\(\)/);
    for (const step of action.runs.steps) {
      if (step.run) {
        expect(step.shell).toBe('bash');
        // Script injection: inputs go through env only.
        expect(step.run).not.toContain('${{');
      }
    }
    // Every expression names a declared input (or a step output / the github context).
    const text = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
    for (const [, name] of text.matchAll(/\$\{\{\s*inputs\.([\w-]+)/g)) expect(Object.keys(action.inputs)).toContain(name);
    expect(text).toMatch(/install --global .*"dockfix@\$\{DOCKFIX_VERSION\}"/);
  });

  test("the run step's script writes SARIF and rdjson, annotates, and keeps the exit code for the last step", () => {
    const cwd = makeProject({ Dockerfile: NODE_APP, 'services/api/Dockerfile': CLEAN_APP });
    const step = action.runs.steps.find((s) => s.id === 'lint') as ActionStep;
    const inputs = { paths: "Dockerfile services/**/Dockerfile", args: SELECT.join(' '), reviewdog: 'true' };
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, evaluate(value, inputs)]));
    const outputFile = path.join(cwd, 'github-output');
    writeFileSync(outputFile, '');
    // The runner's `shell: bash`.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run as string], {
      cwd,
      env: cleanEnv({ ...env, PATH: PATH_WITH_DOCKFIX, GITHUB_OUTPUT: outputFile }),
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(outputFile, 'utf8')).toBe('exit-code=1\n');
    expect(result.stdout).toMatch(/^::warning file=Dockerfile,line=4,/m);
    const sarif = JSON.parse(readFileSync(path.join(cwd, 'dockfix.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results).toHaveLength(5);
    const rdjson = JSON.parse(readFileSync(path.join(cwd, 'dockfix.rdjson'), 'utf8')) as { diagnostics: { suggestions?: unknown[] }[] };
    expect(rdjson.diagnostics.filter((d) => d.suggestions).length).toBe(5);

    const last = action.runs.steps.at(-1) as ActionStep;
    const fail = spawnSync('bash', ['-c', last.run as string], { env: cleanEnv({ STATUS: '1' }) });
    expect(fail.status).toBe(1);
    expect(spawnSync('bash', ['-c', last.run as string], { env: cleanEnv({ STATUS: '0' }) }).status).toBe(0);
  });
});

describe("dockfix's own Dockerfile", () => {
  const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');

  test('dockfix lints it clean, with every rule on', async () => {
    const result = await runCli(['lint', '--select', 'ALL', 'Dockerfile'], { cwd: repoRoot });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('a slim node base, a non-root user and dockfix as the entrypoint; what it copies exists', () => {
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((match) => match[1]);
    expect(froms.at(-1)).toMatch(/^node:[\w.-]*slim$/);
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(finalStage).toMatch(/^USER 1000:1000$/m);
    expect(finalStage).toMatch(/^ENTRYPOINT \["dockfix"\]$/m);
    for (const [, sources] of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) {
      for (const source of (sources as string).split(' ')) expect(existsSync(path.join(repoRoot, source)), source).toBe(true);
    }
    const link = /ln -s \/opt\/dockfix\/(\S+) \/usr\/local\/bin\/dockfix/.exec(dockerfile);
    expect(link && existsSync(path.join(repoRoot, link[1] as string))).toBe(true);
    expect(readFileSync(path.join(repoRoot, 'Dockerfile.dockerignore'), 'utf8')).toMatch(/^\*\*\/node_modules$/m);
  });
});
