// `dockfix lint` end to end: the built binary on temp projects.
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { rules } from 'dockfix';
import { describe, expect, test } from 'vitest';
import { CLEAN_APP, KNOWN_RULES, NODE_APP, SELECT_KNOWN, TWO_RUNS } from './fixtures.js';
import { makeProject, parseJsonReport, ruleIds, runCli } from './run-cli.js';

describe('exit codes and the stylish report', () => {
  test('a clean file: exit 0, no output', async () => {
    const cwd = makeProject({ Dockerfile: CLEAN_APP });
    const result = await runCli(['lint', ...SELECT_KNOWN], { cwd });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('problems: exit 1, grouped by file, with fix markers, a summary and a legend', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['lint', ...SELECT_KNOWN], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Dockerfile');
    // `  line:col  severity  [marker] message  rule-id (ALIAS)`
    expect(result.stdout).toMatch(/^ +\d+:\d+ {2}warning {2}\[!\] .+ {2}no-root-user \(DL3002\)$/m);
    expect(result.stdout).toMatch(/^ +4:5 {2}warning {2}\[!\] .+ {2}npm-ci$/m);
    expect(result.stdout).toMatch(/^ +4:\d+ {2}warning {2}\[\*\] .+ {2}npm-omit-dev$/m);
    expect(result.stdout).toMatch(/^ +5:1 {2}info {5}\[\*\] .+ {2}merge-run \(DL3059\)$/m);
    expect(result.stdout).toContain('✖ 5 problems (0 errors, 4 warnings, 1 info)');
    expect(result.stdout).toContain('3 fixable with `dockfix fix`, 2 more with `dockfix fix --unsafe`');
    expect(result.stdout).toContain('[*] fixed by `dockfix fix`, [!] fixed by `dockfix fix --unsafe`');
    // Position, severity and marker line up; messages are not padded to the longest one, so each
    // line is as long as its own message (two spaces, then the rule).
    const problemLines = lines.filter((line) => /^ +\d+:\d+ /.test(line));
    expect(problemLines).toHaveLength(5);
    const messageColumns = problemLines.map((line) => line.search(/\[[*!]\] /));
    expect(new Set(messageColumns).size).toBe(1);
    for (const line of problemLines) expect(line).not.toMatch(/ {3,}\S+( \([A-Z0-9, a-z]+\))?$/);
  });

  test('--verbose shows each problem\'s help, its lines and its fix as a diff', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['lint', '--verbose', ...SELECT_KNOWN], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ +4 \| RUN npm install/m);
    expect(result.stdout).toMatch(/^ +\| +\^+$/m);
    expect(result.stdout).toMatch(/^ +fix \(unsafe\): Replace `npm install` with `npm ci`$/m);
    expect(result.stdout).toMatch(/^ +- RUN npm install.*$/m);
    expect(result.stdout).toMatch(/^ +\+ RUN npm ci.*$/m);
    const again = await runCli(['lint', '--show-fixes', ...SELECT_KNOWN], { cwd });
    expect(again.stdout).toBe(result.stdout);
  });

  test('the default path is the current directory, and the default rule set runs', async () => {
    const cwd = makeProject({ 'app/Dockerfile': NODE_APP });
    const result = await runCli(['lint', '--format', 'json'], { cwd });
    expect(result.code).toBe(1);
    const [file] = parseJsonReport(result.stdout);
    expect(file?.filePath).toBe('app/Dockerfile');
    expect(ruleIds(file)).toEqual(expect.arrayContaining([...KNOWN_RULES]));
  });

  test('--failure-threshold: only problems at or above it give exit 1 (hadolint semantics)', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP, 'runs.Dockerfile': TWO_RUNS });
    expect((await runCli(['lint', ...SELECT_KNOWN, '-t', 'error'], { cwd })).code).toBe(0);
    expect((await runCli(['lint', ...SELECT_KNOWN, '--failure-threshold', 'warning'], { cwd })).code).toBe(1);
    // merge-run is `info`: below a `warning` threshold, still reported.
    const infoOnly = await runCli(['lint', ...SELECT_KNOWN, '--failure-threshold', 'warning', 'runs.Dockerfile'], { cwd });
    expect(infoOnly.code).toBe(0);
    expect(infoOnly.stdout).toContain('merge-run (DL3059)');
    expect((await runCli(['lint', ...SELECT_KNOWN, 'runs.Dockerfile'], { cwd })).code).toBe(1);
  });

  test('-o writes the report to a file and nothing to stdout', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json', '-o', 'report.json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(parseJsonReport(readFileSync(path.join(cwd, 'report.json'), 'utf8'))[0]?.messages).toHaveLength(5);
  });
});

describe('--format json (the stable interface of DESIGN.md)', () => {
  test('an array with one object per file, with exactly the documented fields', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP, 'clean.Dockerfile': CLEAN_APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, '--format', 'json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report: unknown = JSON.parse(result.stdout);
    expect(Array.isArray(report)).toBe(true);
    const files = report as Record<string, unknown>[];
    expect(files.map((file) => file.filePath)).toEqual(['Dockerfile', 'clean.Dockerfile']);
    for (const file of files) expect(Object.keys(file)).toEqual(['filePath', 'messages', 'errorCount', 'warningCount', 'fixableCount']);
    expect(files[1]).toEqual({ filePath: 'clean.Dockerfile', messages: [], errorCount: 0, warningCount: 0, fixableCount: 0 });

    const dirty = files[0] as { messages: Record<string, unknown>[]; errorCount: number; warningCount: number; fixableCount: number };
    expect(dirty).toMatchObject({ errorCount: 0, warningCount: 4, fixableCount: 5 });
    for (const message of dirty.messages) {
      expect(Object.keys(message)).toEqual(['ruleId', 'aliases', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fix']);
      expect(message).toEqual({
        ruleId: expect.any(String),
        aliases: expect.any(Array),
        severity: expect.stringMatching(/^(error|warning|info|style)$/),
        message: expect.any(String),
        line: expect.any(Number),
        column: expect.any(Number),
        endLine: expect.any(Number),
        endColumn: expect.any(Number),
        fix: { safety: expect.stringMatching(/^(safe|unsafe)$/), title: expect.any(String), edits: expect.any(Array) },
      });
      const fix = message.fix as { edits: Record<string, unknown>[] };
      for (const edit of fix.edits) expect(edit).toEqual({ start: expect.any(Number), end: expect.any(Number), text: expect.any(String) });
    }
    const byRule = Object.fromEntries(dirty.messages.map((message) => [message.ruleId, message]));
    expect(byRule['no-root-user']).toMatchObject({ aliases: ['DL3002'], severity: 'warning', fix: { safety: 'unsafe' } });
    expect(byRule['merge-run']).toMatchObject({ aliases: ['DL3059'], severity: 'info', line: 5, column: 1, fix: { safety: 'safe' } });
    // 1-based positions: `npm install` starts at column 5 of line 4.
    expect(byRule['npm-ci']).toMatchObject({ aliases: [], line: 4, column: 5, endLine: 4, fix: { safety: 'unsafe' } });
  });

  test('a message without a fix has no `fix` key', async () => {
    // no-root-user cannot fix `FROM $BASE` (the base image is unknown): it reports without a fix.
    const cwd = makeProject({ Dockerfile: 'ARG BASE\nFROM $BASE\nCOPY app /app\nCMD ["/app"]\n' });
    const result = await runCli(['lint', '--select', 'DL3002', '-f', 'json'], { cwd });
    const [file] = parseJsonReport(result.stdout);
    expect(file?.messages).toHaveLength(1);
    expect(Object.keys(file?.messages[0] ?? {})).not.toContain('fix');
    expect(file?.fixableCount).toBe(0);
  });
});

describe('finding Dockerfiles', () => {
  test('directories are searched for Dockerfile names; others, node_modules and .git are skipped', async () => {
    const matched = [
      'Dockerfile',
      'dockerfile',
      'Containerfile',
      'api.Dockerfile',
      'web.dockerfile',
      'Dockerfile.dev',
      'Containerfile.prod',
      '.devcontainer/Dockerfile',
      'services/worker/Dockerfile',
      // Real projects use these too (issue 12: 22 of 200 names), and so do pre-commit's identify and Podman.
      'Dockerfile-old',
      'Dockerfile_prod',
      'Containerfile-arm64',
      'app.containerfile',
    ];
    const unmatched = [
      'DOCKERFILE', // names are case-sensitive, as in Docker
      'notes.txt',
      'README.md',
      'Dockerfile.dockerignore', // BuildKit's per-Dockerfile ignore file
      'node_modules/pkg/Dockerfile',
      'services/node_modules/x/Dockerfile',
      '.git/Dockerfile',
    ];
    const cwd = makeProject(Object.fromEntries([...matched, ...unmatched].map((name) => [name, CLEAN_APP])));
    mkdirSync(path.join(cwd, 'Dockerfile.d')); // a directory with a Dockerfile-like name is not a file to lint
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const found = parseJsonReport(result.stdout).map((file) => file.filePath);
    expect(found).toEqual([...found].sort());
    expect([...found].sort()).toEqual([...matched].sort());
  });

  test('symlinked files are linted; symlinked directories are not followed (no loops)', async () => {
    const cwd = makeProject({ 'real/Dockerfile': CLEAN_APP });
    symlinkSync('real/Dockerfile', path.join(cwd, 'linked.Dockerfile'));
    symlinkSync('.', path.join(cwd, 'loop'));
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(parseJsonReport(result.stdout).map((file) => file.filePath)).toEqual(['linked.Dockerfile', 'real/Dockerfile']);
  });

  test('a file named explicitly is linted whatever its name; paths keep their order and are deduplicated', async () => {
    const cwd = makeProject({ 'build/app.docker': NODE_APP, 'b/Dockerfile': CLEAN_APP, 'a/Dockerfile': CLEAN_APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json', 'build/app.docker', 'b', 'a', 'b/Dockerfile', './build/app.docker'], { cwd });
    expect(result.code).toBe(1);
    expect(parseJsonReport(result.stdout).map((file) => file.filePath)).toEqual(['build/app.docker', 'b/Dockerfile', 'a/Dockerfile']);
  });

  test('a directory given as a path is searched even inside node_modules', async () => {
    const cwd = makeProject({ 'node_modules/tool/Dockerfile': CLEAN_APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json', 'node_modules/tool'], { cwd });
    expect(result.code).toBe(0);
    expect(parseJsonReport(result.stdout).map((file) => file.filePath)).toEqual(['node_modules/tool/Dockerfile']);
  });
});

describe('standard input', () => {
  test('`-` reads stdin; --stdin-filename names it in the report', async () => {
    const cwd = makeProject();
    const named = await runCli(['lint', '-', '--stdin-filename', 'docker/app.Dockerfile', ...SELECT_KNOWN, '-f', 'json'], { cwd, input: NODE_APP });
    expect(named.code).toBe(1);
    const [file] = parseJsonReport(named.stdout);
    expect(file?.filePath).toBe('docker/app.Dockerfile');
    expect(ruleIds(file)).toHaveLength(5);

    const anonymous = await runCli(['lint', '-', ...SELECT_KNOWN], { cwd, input: CLEAN_APP });
    expect(anonymous).toEqual({ code: 0, stdout: '', stderr: '' });
    const stylish = await runCli(['lint', '-', ...SELECT_KNOWN], { cwd, input: NODE_APP });
    expect(stylish.stdout.split('\n')[0]).toBe('<stdin>');
  });

  test('--stdin-filename without paths reads stdin (as in Ruff)', async () => {
    const cwd = makeProject({ Dockerfile: CLEAN_APP });
    const result = await runCli(['lint', '--stdin-filename', 'Dockerfile', ...SELECT_KNOWN, '-f', 'json'], { cwd, input: TWO_RUNS });
    expect(parseJsonReport(result.stdout).map((file) => [file.filePath, ruleIds(file)])).toEqual([['Dockerfile', ['merge-run']]]);
  });
});

describe('choosing rules', () => {
  test('--select takes hadolint aliases, case-insensitively', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    for (const selector of ['DL3059', 'dl3059', 'merge-run']) {
      const result = await runCli(['lint', '--select', selector, '-f', 'json'], { cwd });
      expect(result.code).toBe(1);
      expect(ruleIds(parseJsonReport(result.stdout)[0])).toEqual(['merge-run']);
    }
  });

  test('--select does not swallow the paths that follow it; lists are comma-separated or repeated', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP, 'other.Dockerfile': NODE_APP });
    const result = await runCli(['lint', '--select', 'DL3059,npm-ci', '--select', 'DL3002', 'Dockerfile', '-f', 'json'], { cwd });
    const files = parseJsonReport(result.stdout);
    expect(files.map((file) => file.filePath)).toEqual(['Dockerfile']);
    expect(ruleIds(files[0]).sort()).toEqual(['merge-run', 'no-root-user', 'npm-ci']);
  });

  test('--ignore removes rules by id or alias; --extend-select adds; categories work', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const ignored = await runCli(['lint', ...SELECT_KNOWN, '--ignore', 'npm-ci', '--ignore', 'DL3002,DL3059', '-f', 'json'], { cwd });
    expect(ruleIds(parseJsonReport(ignored.stdout)[0]).sort()).toEqual(['npm-cache-clean', 'npm-omit-dev']);
    const category = await runCli(['lint', '--select', 'node', '-f', 'json'], { cwd });
    const nodeRules = new Set(rules.filter((rule) => rule.meta.category === 'node').map((rule) => rule.meta.id));
    const fromCategory = ruleIds(parseJsonReport(category.stdout)[0]);
    expect(fromCategory).toEqual(expect.arrayContaining(['npm-cache-clean', 'npm-ci', 'npm-omit-dev']));
    expect(fromCategory.filter((id) => !nodeRules.has(id))).toEqual([]);
    const extended = await runCli(['lint', '--select', 'npm-ci', '--extend-select', 'DL3002', '-f', 'json'], { cwd });
    expect(ruleIds(parseJsonReport(extended.stdout)[0]).sort()).toEqual(['no-root-user', 'npm-ci']);
    const all = await runCli(['lint', '--select', 'ALL', '-f', 'json'], { cwd });
    expect(ruleIds(parseJsonReport(all.stdout)[0])).toEqual(expect.arrayContaining([...KNOWN_RULES]));
  });

  test('an unknown rule is a usage error (exit 2) with a did-you-mean, and nothing is linted', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['lint', '--select', 'DL3095'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    // The suggestion is spelled as the rule spells it, not lower-cased.
    expect(result.stderr).toMatch(/^dockfix: unknown rule "DL3095" in --select; did you mean "DL30\d\d"\?/);
    const typo = await runCli(['lint', '--select', 'merge-rnu'], { cwd });
    expect(typo.stderr).toMatch(/did you mean "merge-run"\?/);
    const ignored = await runCli(['lint', '--ignore', 'npm-cl'], { cwd });
    expect(ignored.code).toBe(2);
    expect(ignored.stderr).toContain('unknown rule "npm-cl" in --ignore');
  });
});

describe('config file', () => {
  test('.dockfix.json is found upward from the cwd; the command line extends it', async () => {
    const root = makeProject({ '.dockfix.json': JSON.stringify({ select: [...KNOWN_RULES], ignore: ['npm-ci'] }), 'sub/dir/Dockerfile': NODE_APP });
    const cwd = path.join(root, 'sub', 'dir');
    const fromFile = await runCli(['lint', '-f', 'json'], { cwd });
    expect(fromFile.code).toBe(1);
    expect(ruleIds(parseJsonReport(fromFile.stdout)[0]).sort()).toEqual(['merge-run', 'no-root-user', 'npm-cache-clean', 'npm-omit-dev']);
    // --ignore adds to the file's ignore list.
    const extended = await runCli(['lint', '-f', 'json', '--ignore', 'DL3059'], { cwd });
    expect(ruleIds(parseJsonReport(extended.stdout)[0]).sort()).toEqual(['no-root-user', 'npm-cache-clean', 'npm-omit-dev']);
    // --select replaces the file's selection, ignore list included.
    const replaced = await runCli(['lint', '-f', 'json', '--select', 'npm-ci'], { cwd });
    expect(ruleIds(parseJsonReport(replaced.stdout)[0])).toEqual(['npm-ci']);
  });

  test('rules: severities and "off" by id or alias; failureThreshold from the file', async () => {
    const cwd = makeProject({
      'dockfix.config.json': JSON.stringify({ select: [...KNOWN_RULES], rules: { 'npm-ci': 'error', DL3059: 'off' }, failureThreshold: 'error' }),
      Dockerfile: OMIT_DEV_AND_NPM_INSTALL,
    });
    const result = await runCli(['lint', '-f', 'json'], { cwd });
    const [file] = parseJsonReport(result.stdout);
    expect(ruleIds(file)).not.toContain('merge-run');
    expect(file?.messages.find((message) => message.ruleId === 'npm-ci')?.severity).toBe('error');
    expect(result.code).toBe(1);
    // Without the error, the warnings are below the file's threshold.
    const below = await runCli(['lint', '-f', 'json', '--ignore', 'npm-ci'], { cwd });
    expect(below.code).toBe(0);
    expect(parseJsonReport(below.stdout)[0]?.warningCount).toBeGreaterThan(0);
    // The command line's threshold wins.
    expect((await runCli(['lint', '--ignore', 'npm-ci', '-t', 'warning'], { cwd })).code).toBe(1);
  });

  test('the search stops at a .git directory', async () => {
    const root = makeProject({ '.dockfix.json': JSON.stringify({ select: ['npm-ci'] }), 'repo/Dockerfile': NODE_APP });
    mkdirSync(path.join(root, 'repo', '.git'));
    const result = await runCli(['lint', '-f', 'json'], { cwd: path.join(root, 'repo') });
    expect(ruleIds(parseJsonReport(result.stdout)[0]).length).toBeGreaterThan(1);
  });

  test('--config names the file explicitly', async () => {
    const cwd = makeProject({ 'ci/dockfix.json': JSON.stringify({ select: ['DL3002'] }), Dockerfile: NODE_APP });
    const result = await runCli(['lint', '--config', 'ci/dockfix.json', '-f', 'json'], { cwd });
    expect(ruleIds(parseJsonReport(result.stdout)[0])).toEqual(['no-root-user']);
  });

  test.each([
    ['not JSON', '{ "select": [', /^dockfix: .*\.dockfix\.json: config file is not valid JSON \(.+\); fix the syntax$/],
    ['a wrong type', '{ "ignore": "npm-ci" }', /^dockfix: \.dockfix\.json: ignore must be an array of rule ids/],
    ['an unknown key', '{ "extend-select": ["npm-ci"] }', /^dockfix: .*\.dockfix\.json: unknown key "extend-select"; did you mean "extendSelect"\?/],
    ['an unknown rule', '{ "rules": { "npm-cl": "off" } }', /^dockfix: \.dockfix\.json: rules\.npm-cl is an unknown rule; did you mean "npm-ci"\?/],
    ['a bad severity', '{ "rules": { "npm-ci": "fatal" } }', /^dockfix: \.dockfix\.json: rules\.npm-ci must be one of "off", "error"/],
  ])('a config file with %s: exit 2, one line naming the file', async (_name, text, message) => {
    const cwd = makeProject({ '.dockfix.json': text, Dockerfile: NODE_APP });
    const result = await runCli(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
  });

  test('a missing --config file: exit 2', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const result = await runCli(['lint', '--config', 'nope.json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dockfix: nope.json: config file not found; check the path\n');
  });
});

describe('colour', () => {
  const ESC = '\u001b[';
  test('off when stdout is not a terminal, on with FORCE_COLOR, off again with NO_COLOR or --no-color', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    expect((await runCli(['lint', ...SELECT_KNOWN], { cwd })).stdout).not.toContain(ESC);
    expect((await runCli(['lint', ...SELECT_KNOWN], { cwd, env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await runCli(['lint', ...SELECT_KNOWN], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runCli(['lint', ...SELECT_KNOWN, '--no-color'], { cwd, env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runCli(['lint', ...SELECT_KNOWN, '--color'], { cwd })).stdout).toContain(ESC);
    expect((await runCli(['lint', ...SELECT_KNOWN, '-f', 'json'], { cwd, env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
  });
});

/** npm-ci (warning) + npm-omit-dev (warning) + npm-cache-clean (warning) + merge-run (info). */
const OMIT_DEV_AND_NPM_INSTALL = [
  'FROM node:20-alpine',
  'WORKDIR /app',
  'COPY package*.json ./',
  'RUN npm install --only=production',
  'RUN npm run build',
  'USER node',
  'CMD ["node", "server.js"]',
  '',
].join('\n');
