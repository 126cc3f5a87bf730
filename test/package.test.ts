// Installs the packed packages into a fresh project and uses them the way another tool would:
// `import { lint, fix } from 'dockfix'`, `createLinter`/`defineRule` from '@dockfix/core', the
// installed `dockfix` binary, and the `.d.ts` files through a strict TypeScript consumer.
// This catches what workspace symlinks hide: files left out of a tarball, wrong `exports`,
// dependency ranges that only resolve inside the monorepo.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from './helpers/paths.js';

const PACKAGES = ['core', 'rules', 'cli'] as const;
type PackageDir = (typeof PACKAGES)[number];

interface PackedPackage {
  readonly name: string;
  readonly version: string;
  readonly tarball: string;
  readonly files: readonly string[];
  readonly manifest: Record<string, unknown>;
}

interface NpmPackEntry {
  readonly name: string;
  readonly version: string;
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

/** The environment without npm's per-run variables, so a nested npm does not inherit the outer one's workspace settings. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false' };
}

function run(command: string, args: readonly string[], cwd: string, timeout = 90_000): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout });
  if (result.error) throw new Error(`${command} ${args.join(' ')} failed to start in ${cwd}: ${result.error.message}`);
  return result;
}

function runOk(command: string, args: readonly string[], cwd: string, timeout?: number): string {
  const result = run(command, args, cwd, timeout);
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` exited ${result.status} in ${cwd}:\n${result.stderr}\n${result.stdout}`);
  }
  return result.stdout;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let workDir = '';
let projectDir = '';
const packed = new Map<PackageDir, PackedPackage>();

const CONSUMER_SCRIPT = `
import { lint, fix, rules } from 'dockfix';
import { createLinter, defineRule } from '@dockfix/core';

const naive = 'FROM node:20\\nWORKDIR /app\\nCOPY . .\\nRUN npm install\\nCMD ["node", "server.js"]\\n';
const linted = lint(naive, { filePath: 'Dockerfile' });
const fixed = fix(naive, { unsafe: true });

const noLatest = defineRule({
  meta: {
    id: 'no-latest-tag',
    category: 'base-image',
    severity: 'error',
    description: 'Pin a release tag instead of latest',
    fix: 'safe',
    docs: { rationale: 'latest moves.', invalid: ['FROM alpine:latest\\n'], valid: ['FROM alpine:3.20\\n'] },
  },
  create(ctx) {
    return {
      FROM(from) {
        if (from.from.image.tag !== 'latest' || !from.from.imageRange) return;
        ctx.report({
          node: from.from.imageRange,
          message: 'do not use latest',
          fix: { title: 'pin alpine 3.20', edits: [ctx.fix.replace(from.from.imageRange, 'alpine:3.20')] },
        });
      },
    };
  },
});
const custom = createLinter({ rules: [noLatest] });
const customLint = custom.lint('FROM alpine:latest\\nRUN true\\n');
const customFix = custom.fix('FROM alpine:latest\\nRUN true\\n');

console.log(JSON.stringify({
  builtinRuleIds: rules.map((rule) => rule.meta.id),
  lint: { fatal: linted.fatal, ruleIds: linted.diagnostics.map((d) => d.ruleId), warningCount: linted.warningCount },
  fix: { changed: fixed.changed, output: fixed.output, applied: fixed.applied.map((a) => a.ruleId) },
  custom: {
    diagnostics: customLint.diagnostics.map(({ ruleId, severity, line, column, endLine, endColumn, message }) => ({ ruleId, severity, line, column, endLine, endColumn, message })),
    output: customFix.output,
    diff: customFix.diff,
  },
}));
`;

const CONSUMER_TS = `
import { fix, lint, rules, type FixResult, type LintResult } from 'dockfix';
import { createLinter, defineRule, type Diagnostic, type Rule } from '@dockfix/core';

const result: LintResult = lint('FROM alpine:3.20\\n', { filePath: 'Dockerfile', config: { select: ['ALL'] } });
const first: Diagnostic | undefined = result.diagnostics[0];
const line: number | undefined = first?.line;
const fixed: FixResult = fix('FROM alpine:3.20\\n', { unsafe: true });
const output: string = fixed.output;

const rule: Rule = defineRule({
  meta: { id: 'x', category: 'other', severity: 'info', description: 'd', fix: 'none', docs: { rationale: '', invalid: [], valid: [] } },
  create: (ctx) => ({ RUN: (run) => ctx.report({ node: run, message: run.run.form }) }),
});
const linter = createLinter({ rules: [rule, ...rules] });
// @ts-expect-error: lint options are typed, an unknown one is an error
lint('FROM x\\n', { unknownOption: true });
export { line, linter, output };
`;

beforeAll(() => {
  for (const dir of PACKAGES) {
    const dist = path.join(repoRoot, 'packages', dir, 'dist', 'index.js');
    if (!existsSync(dist)) throw new Error(`${path.relative(repoRoot, dist)} is missing: run \`npm run build\` (tsc -b) first`);
  }
  workDir = mkdtempSync(path.join(tmpdir(), 'dockfix-pack-'));
  const tarballs = path.join(workDir, 'tarballs');
  projectDir = path.join(workDir, 'consumer');
  mkdirSync(tarballs);
  mkdirSync(projectDir);

  for (const dir of PACKAGES) {
    const packageDir = path.join(repoRoot, 'packages', dir);
    const json = runOk(npm, ['pack', '--json', '--pack-destination', tarballs], packageDir);
    const [entry] = JSON.parse(json.slice(json.indexOf('['))) as NpmPackEntry[];
    if (!entry) throw new Error(`npm pack printed no entry for packages/${dir}`);
    packed.set(dir, {
      name: entry.name,
      version: entry.version,
      tarball: path.join(tarballs, entry.filename),
      files: entry.files.map((file) => file.path),
      manifest: JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>,
    });
  }

  const dependencies = Object.fromEntries([...packed.values()].map((p) => [p.name, `file:${p.tarball}`]));
  writeFileSync(
    path.join(projectDir, 'package.json'),
    JSON.stringify({ name: 'dockfix-consumer', private: true, type: 'module', dependencies }, null, 2),
  );
  runOk(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], projectDir, 100_000);
}, 150_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function pkg(dir: PackageDir): PackedPackage {
  const found = packed.get(dir);
  if (!found) throw new Error(`packages/${dir} was not packed`);
  return found;
}

/** Every path a manifest points at: main, types, exports targets and bin. */
function manifestTargets(manifest: Record<string, unknown>): string[] {
  const targets: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) collect(inner);
  };
  collect(manifest.main);
  collect(manifest.types);
  collect(manifest.exports);
  collect(manifest.bin);
  return [...new Set(targets)].map((target) => target.replace(/^\.\//, ''));
}

describe('the packed tarballs', () => {
  test.each(PACKAGES)('packages/%s ships everything its manifest points at, with type declarations', (dir) => {
    const { files, manifest } = pkg(dir);
    const missing = manifestTargets(manifest).filter((target) => !files.includes(target));
    expect(missing, `packages/${dir}: files the manifest names but the tarball lacks`).toEqual([]);
    expect(files).toContain('dist/index.d.ts');
    const scripts = files.filter((file) => file.startsWith('dist/') && file.endsWith('.js'));
    const missingTypes = scripts.filter((file) => !files.includes(file.replace(/\.js$/, '.d.ts')));
    expect(missingTypes, `packages/${dir}: JavaScript without a .d.ts`).toEqual([]);
    // dist/ is not cleaned before packing: output of a deleted source file would ship silently.
    const stale = scripts.filter((file) => !files.includes(file.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')));
    expect(stale, `packages/${dir}: build output without a source file (stale dist/? run \`npm run clean && npm run build\`)`).toEqual([]);
    expect(files.filter((file) => /(^|\/)(test|__tests__)\//.test(file) || file.endsWith('.test.js'))).toEqual([]);
  });

  test.each(PACKAGES)('packages/%s depends on its siblings with ranges a registry can satisfy', (dir) => {
    const { manifest } = pkg(dir);
    const versions = new Map([...packed.values()].map((p) => [p.name, p.version]));
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
      const deps = (manifest[field] ?? {}) as Record<string, string>;
      for (const [name, range] of Object.entries(deps)) {
        expect(range, `${dir} ${field}.${name}`).not.toMatch(/^(workspace:|file:|link:|\*$)/);
        const sibling = versions.get(name);
        if (sibling) expect([sibling, `^${sibling}`, `~${sibling}`], `${dir} ${field}.${name} must accept ${sibling}`).toContain(range);
      }
    }
  });

  test.each(PACKAGES)('packages/%s ships the sources its source maps and declaration maps point at', (dir) => {
    const { files } = pkg(dir);
    const packageDir = path.join(repoRoot, 'packages', dir);
    const missing = new Set<string>();
    for (const map of files.filter((file) => file.endsWith('.map'))) {
      const { sources } = JSON.parse(readFileSync(path.join(packageDir, map), 'utf8')) as { sources?: string[] };
      for (const source of sources ?? []) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(map), source));
        if (!files.includes(target)) missing.add(`${map} -> ${target}`);
      }
    }
    expect([...missing].slice(0, 5), `packages/${dir}: maps point at files the tarball lacks (add them to "files")`).toEqual([]);
  });

  test('the dockfix package ships its executable', () => {
    const { files, manifest } = pkg('cli');
    expect(manifest.bin).toBeTruthy();
    const bin = manifestTargets({ bin: manifest.bin });
    expect(bin.length).toBeGreaterThan(0);
    for (const target of bin) expect(files).toContain(target);
  });
});

describe('an installed consumer project', () => {
  test('imports the library API and runs built-in and custom rules', () => {
    writeFileSync(path.join(projectDir, 'consumer.mjs'), CONSUMER_SCRIPT);
    const stdout = runOk(process.execPath, ['consumer.mjs'], projectDir, 30_000);
    const report = JSON.parse(stdout) as {
      builtinRuleIds: string[];
      lint: { fatal: boolean; ruleIds: string[]; warningCount: number };
      fix: { changed: boolean; output: string; applied: string[] };
      custom: { diagnostics: unknown[]; output: string; diff: string };
    };

    expect(report.custom.diagnostics).toEqual([
      { ruleId: 'no-latest-tag', severity: 'error', line: 1, column: 6, endLine: 1, endColumn: 19, message: 'do not use latest' },
    ]);
    expect(report.custom.output).toBe('FROM alpine:3.20\nRUN true\n');
    expect(report.custom.diff).toContain('-FROM alpine:latest\n+FROM alpine:3.20\n');

    // The batteries-included API carries the built-in rules, and they find the naive npm install.
    expect(report.builtinRuleIds).toContain('npm-ci');
    expect(report.lint.fatal).toBe(false);
    expect(report.lint.ruleIds).toContain('npm-ci');
    expect(report.fix.changed).toBe(true);
    expect(report.fix.applied).toContain('npm-ci');
    expect(report.fix.output).toMatch(/RUN npm ci\b/);
  });

  test('require("dockfix") works from CommonJS through an explicit init() (no ERR_REQUIRE_ASYNC_MODULE)', () => {
    writeFileSync(
      path.join(projectDir, 'consumer.cjs'),
      [
        "const dockfix = require('dockfix');",
        'let early = null;',
        "try { dockfix.lint('FROM alpine:3.20\\n'); } catch (error) { early = error.message; }",
        'dockfix.init().then(() => {',
        "  const linted = dockfix.lint('FROM node:20\\nRUN npm install\\n');",
        "  const fixed = dockfix.fix('FROM node:20\\nRUN npm install\\n', { unsafe: true });",
        '  console.log(JSON.stringify({ early, ready: dockfix.isReady(), ruleIds: linted.diagnostics.map((d) => d.ruleId), output: fixed.output, createLinter: typeof dockfix.createLinter }));',
        '});',
      ].join('\n'),
    );
    const report = JSON.parse(runOk(process.execPath, ['consumer.cjs'], projectDir, 30_000)) as {
      early: string | null;
      ready: boolean;
      ruleIds: string[];
      output: string;
      createLinter: string;
    };
    expect(report.early).toMatch(/init\(\)/);
    expect(report.ready).toBe(true);
    expect(report.ruleIds).toContain('npm-ci');
    expect(report.output).toMatch(/RUN npm ci\b/);
    expect(report.createLinter).toBe('function');
  });

  test('a strict CommonJS TypeScript consumer typechecks against cjs/index.d.cts', () => {
    writeFileSync(
      path.join(projectDir, 'consumer-cjs.cts'),
      [
        "import dockfix = require('dockfix');",
        'async function main(): Promise<number> {',
        '  const api = await dockfix.init();',
        "  const result = dockfix.lint('FROM alpine:3.20\\n', { filePath: 'Dockerfile' });",
        "  const output: string = api.fix('FROM alpine:3.20\\n').output;",
        '  return result.errorCount + output.length;',
        '}',
        'export = main;',
      ].join('\n'),
    );
    writeFileSync(
      path.join(projectDir, 'tsconfig.cjs.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', lib: ['ES2023'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [], skipLibCheck: false },
        files: ['consumer-cjs.cts'],
      }),
    );
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = run(process.execPath, [tsc, '-p', 'tsconfig.cjs.json'], projectDir, 60_000);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('runs the installed dockfix binary', () => {
    const bin = path.join(projectDir, 'node_modules', '.bin', process.platform === 'win32' ? 'dockfix.cmd' : 'dockfix');
    expect(existsSync(bin), 'node_modules/.bin/dockfix was not installed').toBe(true);
    const result = run(bin, ['--version'], projectDir, 30_000);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(pkg('cli').version);
    // The binary is the bundle (bundle/cli.cjs): linting loads tree-sitter's WebAssembly from the installed packages.
    expect(pkg('cli').files).toContain('bundle/cli.cjs');
    // V8's code cache fits only the Node that built it: each user's first run writes their own (bin/load-bundle.js).
    expect(pkg('cli').files.filter((file) => file.endsWith('.v8cache'))).toEqual([]);
    writeFileSync(path.join(projectDir, 'Dockerfile'), 'FROM node:20\nRUN npm install\n');
    const lint = run(bin, ['lint', '--format', 'json', 'Dockerfile'], projectDir, 30_000);
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(1);
    const [file] = JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[];
    expect(file?.messages.map((m) => m.ruleId)).toContain('npm-ci');
  });

  test('typechecks a strict TypeScript consumer against the installed .d.ts files', () => {
    writeFileSync(path.join(projectDir, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(
      path.join(projectDir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          // No @types/node and full checking of every .d.ts: a consumer with the strictest setup must compile.
          types: [],
          skipLibCheck: false,
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = run(process.execPath, [tsc, '-p', 'tsconfig.json'], projectDir, 60_000);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

/** Every package published to npm: each must say what it is, where it comes from, and under which license. */
const PUBLISHED = ['core', 'rules', 'cli', 'prettier-plugin', 'language-server'] as const;

describe('published package metadata (npm pack --dry-run)', () => {
  const dryRun = new Map<string, { files: string[]; manifest: Record<string, unknown> }>();
  const rootLicense = readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8');

  beforeAll(() => {
    for (const dir of PUBLISHED) {
      const packageDir = path.join(repoRoot, 'packages', dir);
      const json = runOk(npm, ['pack', '--dry-run', '--json'], packageDir);
      const [entry] = JSON.parse(json.slice(json.indexOf('['))) as NpmPackEntry[];
      if (!entry) throw new Error(`npm pack --dry-run printed no entry for packages/${dir}`);
      dryRun.set(dir, { files: entry.files.map((file) => file.path), manifest: JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown> });
    }
  }, 120_000);

  const of = (dir: string) => {
    const found = dryRun.get(dir);
    if (!found) throw new Error(`packages/${dir} was not packed`);
    return found;
  };

  test.each(PUBLISHED)('packages/%s: MIT LICENSE (the root text), README, repository with its directory, homepage, bugs, keywords', (dir) => {
    const { files, manifest } = of(dir);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
    expect(readFileSync(path.join(repoRoot, 'packages', dir, 'LICENSE'), 'utf8')).toBe(rootLicense);
    expect(rootLicense).toMatch(/^MIT License\n/);
    expect(manifest.license).toBe('MIT');
    const rootRepository = (of('cli').manifest.repository as { url: string }).url;
    expect(manifest.repository).toEqual({ type: 'git', url: rootRepository, directory: `packages/${dir}` });
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect((manifest.bugs as { url?: string } | undefined)?.url).toMatch(/^https:\/\//);
    expect(manifest.keywords).toEqual(expect.arrayContaining(['dockerfile']));
    expect(readFileSync(path.join(repoRoot, 'packages', dir, 'README.md'), 'utf8')).toMatch(new RegExp(`^# ${String(manifest.name).replace(/[/.]/g, '\\$&')}`));
  });

  test.each(PUBLISHED)('packages/%s: the tarball holds what "files" names and nothing else (no tests, build info or ignore files)', (dir) => {
    const { files, manifest } = of(dir);
    const allowed = new Set([...(manifest.files as string[]), 'package.json']);
    expect(files.filter((file) => !allowed.has(file.split('/')[0] as string))).toEqual([]);
    expect(files.filter((file) => /(^|\/)(test|__tests__|__snapshots__)\/|\.test\.|\.tsbuildinfo$|(^|\/)\.(git|npm)ignore$|\.vsix$/.test(file))).toEqual([]);
  });

  test('@dockfix/rules ships the page of every rule, the same files `npm run docs` generates', () => {
    const { files } = of('rules');
    const generated = readdirSync(path.join(repoRoot, 'docs', 'rules')).filter((name) => name.endsWith('.md'));
    expect(files.filter((file) => file.startsWith('docs/')).sort()).toEqual(generated.map((name) => `docs/rules/${name}`).sort());
    expect(generated).toEqual(expect.arrayContaining(['README.md', 'npm-ci.md', 'merge-run.md']));
    for (const name of generated) {
      expect(readFileSync(path.join(repoRoot, 'packages', 'rules', 'docs', 'rules', name), 'utf8'), name).toBe(readFileSync(path.join(repoRoot, 'docs', 'rules', name), 'utf8'));
    }
  });
});

describe('the installed packages read their shipped rule docs', () => {
  /** The first ```js block of a package's README, which must run as written in a consumer project. */
  const readmeExample = (dir: string): string => {
    const readme = readFileSync(path.join(repoRoot, 'packages', dir, 'README.md'), 'utf8');
    const match = /```js\n([^]*?)```/.exec(readme);
    if (!match?.[1]) throw new Error(`packages/${dir}/README.md has no js example`);
    return match[1];
  };

  test.each(['core', 'rules'] as const)('the API example in the README of packages/%s runs against the installed packages', (dir) => {
    writeFileSync(path.join(projectDir, `readme-${dir}.mjs`), readmeExample(dir));
    const result = run(process.execPath, [`readme-${dir}.mjs`], projectDir, 30_000);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('`dockfix rule <id>` prints the page installed with @dockfix/rules, and its JSON names that file', () => {
    const bin = path.join(projectDir, 'node_modules', '.bin', process.platform === 'win32' ? 'dockfix.cmd' : 'dockfix');
    const text = run(bin, ['rule', 'DL3059'], projectDir, 30_000);
    expect(text.status).toBe(0);
    const installedDocs = path.join(projectDir, 'node_modules', '@dockfix', 'rules', 'docs', 'rules');
    const page = readFileSync(path.join(installedDocs, 'merge-run.md'), 'utf8').replace(/^<!--[^]*?-->\n\n/, '');
    expect(text.stdout.startsWith(page.trimEnd())).toBe(true);
    expect(text.stdout).toContain(`Documentation: https://unpkg.com/@dockfix/rules@${pkg('rules').version}/docs/rules/merge-run.md`);
    const json = JSON.parse(run(bin, ['rule', 'npm-ci', '--format', 'json'], projectDir, 30_000).stdout) as { file: string };
    expect(realpathSync(json.file)).toBe(realpathSync(path.join(installedDocs, 'npm-ci.md')));
  });
});
