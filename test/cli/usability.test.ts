// What a new user, or one coming from hadolint, tries first (issue 9, "Also found").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatSize as coreFormatSize } from '@dockfix/core';
import { formatRuleTable, type RuleListing } from '../../packages/cli/dist/cli/commands/rules.js';
import { formatSize } from '../../packages/cli/dist/cli/size.js';
import { CLEAN_APP, NODE_APP, SELECT_KNOWN } from './fixtures.js';
import { makeProject, parseJsonReport, runCli } from './run-cli.js';
import { repoRoot } from '../helpers/paths.js';

const filesOf = (stdout: string) => parseJsonReport(stdout).map((file) => file.filePath);

describe('quoted glob patterns', () => {
  test("`dockfix lint 'services/**/Dockerfile'` is expanded by dockfix", async () => {
    const cwd = makeProject({ 'services/api/Dockerfile': CLEAN_APP, 'services/web/deep/Dockerfile': CLEAN_APP, 'services/web/notes.txt': 'x', 'Dockerfile': CLEAN_APP });
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json', 'services/**/Dockerfile'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(filesOf(result.stdout)).toEqual(['services/api/Dockerfile', 'services/web/deep/Dockerfile']);
  });

  test('a pattern that matches nothing is an error naming it', async () => {
    const cwd = makeProject({ Dockerfile: CLEAN_APP });
    const result = await runCli(['lint', 'nothing/**/*.Dockerfile'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('dockfix: nothing/**/*.Dockerfile: no files match this pattern; check it, and quote it so the shell does not expand it first\n');
  });
});

describe('.gitignore (--respect-gitignore, on by default as in Ruff)', () => {
  const project = () =>
    makeProject({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n*.generated.Dockerfile\n',
      'Dockerfile': CLEAN_APP,
      'build/Dockerfile': CLEAN_APP,
      'app.generated.Dockerfile': CLEAN_APP,
      'services/.gitignore': 'old/\n!keep.generated.Dockerfile\n',
      'services/old/Dockerfile': CLEAN_APP,
      'services/keep.generated.Dockerfile': CLEAN_APP,
      'services/api/Dockerfile': CLEAN_APP,
    });

  test('directory searches skip ignored files; nested .gitignore files and ! re-includes apply', async () => {
    const cwd = project();
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(filesOf(result.stdout)).toEqual(['Dockerfile', 'services/api/Dockerfile', 'services/keep.generated.Dockerfile']);
  });

  test('globs respect it too; --no-respect-gitignore lints everything; a named file is always linted', async () => {
    const cwd = project();
    const glob = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json', '**/Dockerfile'], { cwd });
    expect(filesOf(glob.stdout)).toEqual(['Dockerfile', 'services/api/Dockerfile']);
    const all = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json', '--no-respect-gitignore'], { cwd });
    expect(filesOf(all.stdout)).toEqual([
      'Dockerfile',
      'app.generated.Dockerfile',
      'build/Dockerfile',
      'services/api/Dockerfile',
      'services/keep.generated.Dockerfile',
      'services/old/Dockerfile',
    ]);
    const named = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json', 'build/Dockerfile'], { cwd });
    expect(filesOf(named.stdout)).toEqual(['build/Dockerfile']);
  });

  test('searching a subdirectory still applies the .gitignore above it', async () => {
    const cwd = project();
    const result = await runCli(['lint', ...SELECT_KNOWN, '-f', 'json', 'services'], { cwd });
    expect(filesOf(result.stdout)).toEqual([path.join('services', 'api/Dockerfile'), path.join('services', 'keep.generated.Dockerfile')]);
  });
});

describe('hadolint habits', () => {
  test('`dockfix Dockerfile` (no sub-command) means `dockfix lint Dockerfile`', async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    const bare = await runCli(['Dockerfile', ...SELECT_KNOWN, '-f', 'json'], { cwd });
    const lint = await runCli(['lint', 'Dockerfile', ...SELECT_KNOWN, '-f', 'json'], { cwd });
    expect(bare).toEqual(lint);
    expect(bare.code).toBe(1);
    // Options first, as in `hadolint --no-fail Dockerfile`.
    expect((await runCli(['--no-fail', ...SELECT_KNOWN, 'Dockerfile'], { cwd })).code).toBe(0);
    // A word that is neither a command nor a path is still a clear error.
    const typo = await runCli(['lnt'], { cwd });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown command "lnt"; did you mean `dockfix lint`/);
  });

  test("hadolint's format names tty and gitlab_codeclimate are accepted", async () => {
    const cwd = makeProject({ Dockerfile: NODE_APP });
    expect(await runCli(['lint', ...SELECT_KNOWN, '-f', 'tty'], { cwd })).toEqual(await runCli(['lint', ...SELECT_KNOWN, '-f', 'stylish'], { cwd }));
    expect(await runCli(['lint', ...SELECT_KNOWN, '-f', 'gitlab_codeclimate'], { cwd })).toEqual(await runCli(['lint', ...SELECT_KNOWN, '-f', 'gitlab'], { cwd }));
  });

  test('`dockfix rule <id|alias>` prints the rule doc, like `ruff rule`', async () => {
    const cwd = makeProject();
    const byAlias = await runCli(['rule', 'DL3059'], { cwd });
    expect(byAlias.code).toBe(0);
    // The page @dockfix/rules ships (docs/rules/merge-run.md without its generated-file banner), then the published link.
    const page = readFileSync(path.join(repoRoot, 'docs', 'rules', 'merge-run.md'), 'utf8').replace(/^<!--[^]*?-->\n\n/, '');
    expect(page).toMatch(/^# merge-run\n\nMerge consecutive RUN instructions into one\.\n/);
    expect(byAlias.stdout.startsWith(page.trimEnd())).toBe(true);
    expect(byAlias.stdout).toContain('`DL3059`');
    expect(byAlias.stdout).toContain('## Why');
    expect(byAlias.stdout).toContain('## Examples');
    expect(byAlias.stdout).toMatch(/\n\nDocumentation: https:\/\/unpkg\.com\/@dockfix\/rules@\d+\.\d+\.\d+\S*\/docs\/rules\/merge-run\.md\n$/);
    expect((await runCli(['rule', 'merge-run'], { cwd })).stdout).toBe(byAlias.stdout);
    const json = JSON.parse((await runCli(['rule', 'npm-ci', '--format', 'json'], { cwd })).stdout) as { id: string; severity: string; file: string; url: string };
    expect(json).toMatchObject({ id: 'npm-ci', severity: 'warning' });
    expect(readFileSync(json.file, 'utf8')).toBe(readFileSync(path.join(repoRoot, 'docs', 'rules', 'npm-ci.md'), 'utf8'));
    expect(json.url).toMatch(/^https:\/\/unpkg\.com\/@dockfix\/rules@[^/]+\/docs\/rules\/npm-ci\.md$/);
    const unknown = await runCli(['rule', 'DL9999'], { cwd });
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: 'dockfix: unknown rule "DL9999"; `dockfix rules` lists every rule id and alias\n' });
  });
});

describe('format', () => {
  test('accepts --no-color and --color like lint and fix', async () => {
    const cwd = makeProject({ Dockerfile: CLEAN_APP });
    for (const flag of ['--no-color', '--color']) {
      const result = await runCli(['format', '--check', flag], { cwd });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  });

  test("--help states format's own exit codes, not lint's", async () => {
    const result = await runCli(['format', '--help'], { cwd: makeProject() });
    expect(result.stdout).toMatch(/Exit codes:\n +0 +formatted/);
    expect(result.stdout).toContain('1  with --check: some file would be reformatted');
    expect(result.stdout).not.toContain('problems found');
    expect(result.stdout).not.toContain('--fail-on');
  });
});

describe('messages and tables', () => {
  test('--max-file-size below 1 KB says the bytes', async () => {
    const text = 'FROM alpine:3.20\n' + '# padding\n'.repeat(28) + 'USER nobody\n' + 'CMD ["sh"]\n';
    const cwd = makeProject({ Dockerfile: text });
    const result = await runCli(['lint', '--max-file-size', '10', 'Dockerfile'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`dockfix: Dockerfile: file is ${Buffer.byteLength(text)} bytes, over the 10 bytes limit for a Dockerfile; raise --max-file-size if it really is one\n`);
    const kb = await runCli(['lint', '--max-file-size', '0.1k', 'Dockerfile'], { cwd });
    expect(kb.stderr).toContain('over the 102 bytes limit');
  });

  test("the CLI's size wording is core's", () => {
    expect([1, 10, 303, 1023, 1024, 1536, 512 * 1024, 1024 ** 2, 5 * 1024 ** 2 + 1].map(formatSize)).toEqual(
      ['1 byte', '10 bytes', '303 bytes', '1023 bytes', '1 KB', '1.5 KB', '512 KB', '1.0 MB', '5.0 MB'],
    );
    for (const bytes of [0, 1, 999, 1024, 4097, 1024 ** 2, 3 * 1024 ** 3]) expect(formatSize(bytes)).toBe(coreFormatSize(bytes));
  });

  test('the rules table pads by display width, so wide characters keep the columns aligned', () => {
    const listing = (id: string, category: string): RuleListing => ({ id, category, severity: 'warning', fix: 'safe', aliases: [], optIn: false, description: 'x' });
    const table = formatRuleTable([listing('wide-rule', '日本語'), listing('ascii-rule', 'layers'), listing('emoji-rule', '🐳🐳')], false);
    const rows = table.split('\n').slice(1, 4);
    // Every SEVERITY cell starts at the same terminal column.
    const severityColumn = (row: string) => {
      const index = row.indexOf('warning');
      return [...row.slice(0, index)].reduce((width, char) => width + (/[\u3000-\u9fff\u{1F300}-\u{1FAFF}]/u.test(char) ? 2 : 1), 0);
    };
    expect(new Set(rows.map(severityColumn)).size).toBe(1);
  });
});
