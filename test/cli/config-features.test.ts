// Configuration through the built CLI: file formats, extends, overrides, ignorePatterns, fix,
// plugins, failOn, hadolint's config, the config flags, and bad configuration (exit 2, one message
// naming the file and key, no partial report).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeProject, parseJsonReport, ruleIds, runCli, writeProjectFile } from './run-cli.js';

const APK = 'FROM alpine:3.20\nRUN apk add --no-cache curl\n';
const APT = 'FROM debian:bookworm-slim\nRUN apt-get install --no-install-recommends curl\n';
const TWO_RUNS = 'FROM alpine:3.20\nRUN mkdir -p /app\nRUN mkdir -p /data\n';

/** A project that is a git repository, so the config search stops at its root. */
function repo(files: Readonly<Record<string, string>>): string {
  const root = makeProject(files);
  mkdirSync(path.join(root, '.git'));
  return root;
}

async function lintJson(cwd: string, args: readonly string[] = []) {
  const result = await runCli(['lint', '-f', 'json', ...args], { cwd });
  return { ...result, files: result.stdout ? parseJsonReport(result.stdout) : [] };
}

describe('config file formats', () => {
  test.each([
    ['.dockfixrc.yaml', 'extendSelect:\n  - apk-pin-versions\n'],
    ['.dockfixrc', 'extendSelect: [apk-pin-versions]\n'],
    ['.dockfixrc.json', '{"extendSelect": ["apk-pin-versions"]}'],
    ['dockfix.config.yml', 'extendSelect: [DL3018]\n'],
    ['dockfix.config.mjs', 'export default { extendSelect: ["apk-pin-versions"] };\n'],
    ['dockfix.config.cjs', 'module.exports = { extendSelect: ["apk-pin-versions"] };\n'],
    ['package.json', JSON.stringify({ name: 'x', dockfix: { extendSelect: ['apk-pin-versions'] } })],
  ])('%s is found', async (name, text) => {
    const cwd = repo({ [name]: text, Dockerfile: APK });
    const { files, code } = await lintJson(cwd);
    expect(code).toBe(1);
    expect(ruleIds(files[0])).toContain('apk-pin-versions');
  });

  test('package.json without a "dockfix" key is not a config', async () => {
    const cwd = repo({ 'package.json': '{"name": "x"}', Dockerfile: APK });
    expect(ruleIds((await lintJson(cwd)).files[0])).not.toContain('apk-pin-versions');
  });
});

describe('extends', () => {
  test('dockfix:all turns on opt-in rules; dockfix:recommended goes back to the defaults', async () => {
    const all = repo({ '.dockfix.json': '{"extends": "dockfix:all"}', Dockerfile: APK });
    expect(ruleIds((await lintJson(all)).files[0])).toContain('apk-pin-versions');
    const back = repo({ '.dockfix.json': '{"extends": ["dockfix:all", "dockfix:recommended"]}', Dockerfile: APK });
    expect(ruleIds((await lintJson(back)).files[0])).not.toContain('apk-pin-versions');
  });

  test('dockfix:strict raises warnings to errors and reports unused pragmas', async () => {
    const cwd = repo({ '.dockfix.json': '{"extends": "dockfix:strict"}', Dockerfile: `${APT}# dockfix-ignore: npm-ci\nRUN true\n` });
    const messages = (await lintJson(cwd)).files[0]?.messages ?? [];
    expect(messages.find((m) => m.ruleId === 'apt-get-yes')?.severity).toBe('error');
    expect(messages.some((m) => m.ruleId === 'unused-pragma')).toBe(true);
  });

  test('a shareable config package is resolved from the config file directory, and the file wins over it', async () => {
    const cwd = repo({
      'services/api/node_modules/dockfix-config-acme/package.json': JSON.stringify({ name: 'dockfix-config-acme', main: 'config.json' }),
      'services/api/node_modules/dockfix-config-acme/config.json': JSON.stringify({ extendSelect: ['apk-pin-versions'], rules: { 'apk-pin-versions': 'error' } }),
      'services/api/.dockfix.json': JSON.stringify({ extends: ['dockfix-config-acme'], rules: { 'apk-pin-versions': 'info' } }),
      'services/api/Dockerfile': APK,
    });
    const messages = (await lintJson(cwd)).files[0]?.messages ?? [];
    expect(messages.find((m) => m.ruleId === 'apk-pin-versions')?.severity).toBe('info');
  });
});

describe('overrides and ignorePatterns', () => {
  test('overrides apply to the files their globs match, relative to the config file', async () => {
    const cwd = repo({
      '.dockfix.json': JSON.stringify({ overrides: [{ files: ['**/prod/*.Dockerfile'], extendSelect: ['apk-pin-versions'], rules: { 'apk-no-cache': 'error' } }] }),
      'deploy/prod/api.Dockerfile': APK,
      'deploy/dev/api.Dockerfile': APK,
    });
    const { files } = await lintJson(cwd);
    const byPath = Object.fromEntries(files.map((file) => [file.filePath, ruleIds(file)]));
    expect(byPath[path.join('deploy', 'prod', 'api.Dockerfile')]).toContain('apk-pin-versions');
    expect(byPath[path.join('deploy', 'dev', 'api.Dockerfile')]).not.toContain('apk-pin-versions');
  });

  test('ignorePatterns skip files quietly in a directory walk and with a warning when named', async () => {
    const cwd = repo({ '.dockfix.json': '{"ignorePatterns": ["vendor/**"]}', 'vendor/x/Dockerfile': APT, Dockerfile: 'FROM alpine:3.20\n' });
    const walked = await lintJson(cwd);
    expect(walked.files.map((file) => file.filePath)).toEqual(['Dockerfile']);
    expect(walked.stderr).toBe('');
    const named = await runCli(['lint', path.join('vendor', 'x', 'Dockerfile')], { cwd });
    expect(named.stderr).toContain('skipped: ignorePatterns in .dockfix.json exclude it');
  });
});

describe('fix settings', () => {
  test('fix.unfixable withholds a rule\'s fixes; fix.unsafe applies unsafe ones without --unsafe', async () => {
    const cwd = repo({ '.dockfix.json': '{"select": ["merge-run"], "fix": {"unfixable": ["DL3059"]}}', Dockerfile: TWO_RUNS });
    const result = await runCli(['fix', '--stdout', 'Dockerfile'], { cwd });
    expect(result.stdout).toBe(TWO_RUNS);
    const npm = repo({ '.dockfix.json': '{"select": ["npm-ci"], "fix": {"unsafe": true}}', Dockerfile: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm install\n' });
    expect((await runCli(['fix', '--stdout', 'Dockerfile'], { cwd: npm })).stdout).toContain('npm ci');
  });
});

describe('plugins', () => {
  const PLUGIN = [
    'export default {',
    '  rules: {',
    '    "no-latest": {',
    '      meta: { id: "no-latest", category: "acme", severity: "error", description: "no latest", fix: "none", docs: { rationale: "", invalid: [], valid: [] } },',
    '      create(ctx) { return { FROM(from) { if (ctx.source.slice(from.range).includes(":latest")) ctx.report({ node: from, message: "latest tag" }); } }; },',
    '    },',
    '  },',
    '};',
  ].join('\n');

  test('rules of an npm plugin run namespaced (acme/no-latest) and can be suppressed by that id', async () => {
    const cwd = repo({
      'node_modules/dockfix-plugin-acme/package.json': JSON.stringify({ name: 'dockfix-plugin-acme', type: 'module', exports: { '.': { import: './index.js' } } }),
      'node_modules/dockfix-plugin-acme/index.js': PLUGIN,
      '.dockfix.json': JSON.stringify({ plugins: ['dockfix-plugin-acme'], rules: { 'acme/no-latest': 'warning' } }),
      Dockerfile: 'FROM alpine:latest\n',
      'b/Dockerfile': '# dockfix-ignore: acme/no-latest\nFROM alpine:latest\n',
    });
    const { files } = await lintJson(cwd);
    const byPath = Object.fromEntries(files.map((file) => [file.filePath, file.messages]));
    expect(byPath.Dockerfile?.find((m) => m.ruleId === 'acme/no-latest')?.severity).toBe('warning');
    expect((byPath[path.join('b', 'Dockerfile')] ?? []).map((m) => m.ruleId)).not.toContain('acme/no-latest');
  });

  test('--no-config-lookup never loads a config (and its code) from a file argument\'s directory', async () => {
    const cwd = repo({ 'x/dockfix.config.mjs': 'import { writeFileSync } from "node:fs";\nwriteFileSync(new URL("./ran", import.meta.url), "");\nexport default {};\n', 'x/Dockerfile': 'FROM alpine:3.20\n' });
    await runCli(['lint', '--no-config-lookup', 'x/Dockerfile'], { cwd });
    expect(existsSync(path.join(cwd, 'x', 'ran'))).toBe(false);
    await runCli(['lint', 'x/Dockerfile'], { cwd });
    expect(existsSync(path.join(cwd, 'x', 'ran'))).toBe(true);
  });
});

describe('failOn and noFail', () => {
  test('failOn sets the exit-code threshold; failureThreshold is its alias; noFail exits 0', async () => {
    // apk-no-cache is info.
    const text = 'FROM alpine:3.20\nRUN apk update && apk add curl\n';
    expect((await runCli(['lint'], { cwd: repo({ '.dockfix.json': '{"select": ["apk-no-cache"], "failOn": "warning"}', Dockerfile: text }) })).code).toBe(0);
    expect((await runCli(['lint'], { cwd: repo({ '.dockfix.json': '{"select": ["apk-no-cache"], "failureThreshold": "info"}', Dockerfile: text }) })).code).toBe(1);
    expect((await runCli(['lint'], { cwd: repo({ '.dockfix.json': '{"select": ["apk-no-cache"], "noFail": true}', Dockerfile: text }) })).code).toBe(0);
  });
});

describe('hadolint config', () => {
  test('with no dockfix config, .hadolint.yaml in the current directory applies: ignored, override, failure-threshold', async () => {
    const cwd = repo({ '.hadolint.yaml': 'ignored: [DL3059, SC2086, DL3999]\noverride:\n  error: [DL3014]\nfailure-threshold: error\nformat: json\ncolour: true\n', Dockerfile: `${APT}RUN true\n` });
    const result = await lintJson(cwd);
    const messages = result.files[0]?.messages ?? [];
    expect(messages.map((m) => m.ruleId)).not.toContain('merge-run');
    expect(messages.find((m) => m.ruleId === 'apt-get-yes')?.severity).toBe('error');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('dockfix: warning: .hadolint.yaml: "format" is not read by dockfix; use --format');
    expect(result.stderr).toContain('dockfix: warning: .hadolint.yaml: unknown key "colour" ignored');
  });

  test('a dockfix config wins over .hadolint.yaml; HADOLINT_* variables apply with the hadolint config', async () => {
    const both = repo({ '.hadolint.yaml': 'ignored: [DL3014]\n', '.dockfix.json': '{}', Dockerfile: APT });
    expect(ruleIds((await lintJson(both)).files[0])).toContain('apt-get-yes');
    const env = repo({ Dockerfile: APT });
    const result = await runCli(['lint', '-f', 'json'], { cwd: env, env: { HADOLINT_IGNORE: 'DL3014' } });
    expect(ruleIds(parseJsonReport(result.stdout)[0])).not.toContain('apt-get-yes');
  });

  test('the XDG config directory is searched after the current directory', async () => {
    const xdg = makeProject({ 'hadolint.yaml': 'ignored: [DL3014]\n' });
    const cwd = repo({ Dockerfile: APT });
    const result = await runCli(['lint', '-f', 'json'], { cwd, env: { XDG_CONFIG_HOME: xdg, HOME: xdg } });
    expect(ruleIds(parseJsonReport(result.stdout)[0])).not.toContain('apt-get-yes');
  });
});

describe('config flags', () => {
  test('--no-config means no config at all (it once crashed with "paths[0]")', async () => {
    const cwd = repo({ '.dockfix.json': '{ broken', Dockerfile: APK });
    const result = await runCli(['lint', '--no-config', '-f', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(ruleIds(parseJsonReport(result.stdout)[0])).not.toContain('apk-pin-versions');
    expect(result.code).not.toBe(2);
  });

  test.each([['--no-select'], ['--no-ignore'], ['--no-extend-select'], ['--no-output-file'], ['--no-max-file-size'], ['--no-format'], ['--no-stdin-filename'], ['--no-fail-on'], ['--no-max-warnings'], ['--no-error']])('%s is a usage error, not the value "false"', async (flag) => {
    const cwd = repo({ Dockerfile: APK });
    const result = await runCli(['lint', flag], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^dockfix: ${flag} is not an option: --${flag.slice(5)} takes a value; see \`dockfix lint --help\`\\n$`));
  });
  // The reporters' flags that are booleans keep their `--no-` forms, through the same middleware.
  test('--no-fail, --no-color and --no-respect-gitignore still work', async () => {
    const cwd = repo({ '.gitignore': 'vendor/\n', 'vendor/Dockerfile': APK });
    const result = await runCli(['lint', '--no-fail', '--no-color', '--no-respect-gitignore', '--select', 'apk-pin-versions'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('vendor/Dockerfile');
    expect(result.stdout).toContain('apk-pin-versions');
    expect(result.stdout).not.toContain('\u001b[');
  });
});

describe('bad configuration: exit 2, one line naming the file and key, no partial report', () => {
  test.each([
    ['YAML syntax', '.dockfixrc.yaml', 'rules: [\n', /^dockfix: \.dockfixrc\.yaml: config file is not valid YAML at line \d+, column \d+/],
    ['an unknown key', '.dockfix.json', '{"rulez": {}}', /^dockfix: \.dockfix\.json: unknown key "rulez"; did you mean "rules"\?/],
    ['an unknown rule id', 'services/api/.dockfix.json', '{"rules": {"merge-runn": "off"}}', /^dockfix: services\/api\/\.dockfix\.json: rules\.merge-runn is an unknown rule; did you mean "merge-run"\?/],
    ['an unknown id in a list', '.dockfix.json', '{"ignore": ["DL3059", "npm-cl"]}', /^dockfix: \.dockfix\.json: ignore\[1\] names an unknown rule "npm-cl"; did you mean "npm-ci"\?/],
    ['a wrong option type', 'services/api/.dockfix.json', '{"rules": {"merge-run": ["info", {"maxCommands": "3"}]}}', /^dockfix: services\/api\/\.dockfix\.json: rules\.merge-run\[1\]\.maxCommands must be a number$/],
    ['an unknown option', '.dockfix.json', '{"rules": {"merge-run": ["info", {"maxCommand": 3}]}}', /^dockfix: \.dockfix\.json: rules\.merge-run\[1\]\.maxCommand is not an option of "merge-run" \(its options: maxCommands, mergeAcrossComments\)$/],
    ['an extends that cannot be found', '.dockfix.json', '{"extends": ["dockfix-config-nope"]}', /^dockfix: \.dockfix\.json: extends\[0\]: cannot find "dockfix-config-nope": it is not installed where .* can see it; run `npm install -D dockfix-config-nope`$/],
    ['an unknown built-in config', '.dockfix.json', '{"extends": "dockfix:recomended"}', /^dockfix: \.dockfix\.json: extends\[0\]: unknown built-in config "dockfix:recomended"/],
    ['a plugin that cannot be found', '.dockfix.json', '{"plugins": ["dockfix-plugin-nope"]}', /^dockfix: \.dockfix\.json: plugins\[0\]: cannot find "dockfix-plugin-nope"/],
    ['a plugin that throws', '.dockfix.json', '{"plugins": ["./boom.mjs"]}', /^dockfix: \.dockfix\.json: plugins\[0\]: plugin "\.\/boom\.mjs" threw while loading: boom$/],
    ['a JS config that throws', 'dockfix.config.mjs', 'throw new Error("kaboom");\n', /^dockfix: dockfix\.config\.mjs: the config file threw while loading: kaboom$/],
    ['a bad hadolint value', '.hadolint.yaml', 'ignored: DL3008\n', /^dockfix: \.hadolint\.yaml: ignored must be a list/],
  ])('%s', async (_name, file, text, message) => {
    const cwd = repo({ [file]: text, 'boom.mjs': 'throw new Error("boom");\n', 'services/api/Dockerfile': APK });
    const result = await runCli(['lint', '-f', 'json', '-o', 'report.json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
    expect(existsSync(path.join(cwd, 'report.json'))).toBe(false);
  });

  test('a bad config is reported by fix and format too, and nothing is written', async () => {
    const cwd = repo({ '.dockfix.json': '{"rules": {"merge-run": ["info", {"maxCommands": true}]}}', Dockerfile: TWO_RUNS });
    for (const command of ['fix', 'format']) {
      const result = await runCli([command, 'Dockerfile'], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^dockfix: \.dockfix\.json: rules\.merge-run\[1\]\.maxCommands must be a number\n$/);
    }
    writeProjectFile(cwd, 'unused.txt', '');
  });
});

describe('init and print-config', () => {
  test('init writes a starter config, converts .hadolint.yaml, and never overwrites', async () => {
    const empty = makeProject({});
    const created = await runCli(['init'], { cwd: empty });
    expect(created.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(empty, '.dockfix.json'), 'utf8'))).toEqual({ $schema: './node_modules/dockfix/config.schema.json', extends: ['dockfix:recommended'], rules: {}, ignorePatterns: [] });
    const again = await runCli(['init'], { cwd: empty });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('dockfix: .dockfix.json already exists; edit it, or remove it to start again\n');

    const hadolint = makeProject({ '.hadolint.yaml': 'ignored: [DL3059, SC2086]\noverride:\n  error: [DL3014]\nfailure-threshold: warning\n', Dockerfile: APT });
    expect((await runCli(['init'], { cwd: hadolint })).stderr).toContain('Created .dockfix.json from .hadolint.yaml');
    const converted = JSON.parse(readFileSync(path.join(hadolint, '.dockfix.json'), 'utf8')) as Record<string, unknown>;
    expect(converted).toEqual({ $schema: './node_modules/dockfix/config.schema.json', extends: ['dockfix:recommended'], ignore: ['DL3059'], rules: { 'apt-get-yes': 'error' }, failOn: 'warning' });
    // The converted config lints as the hadolint one did.
    const messages = parseJsonReport((await runCli(['lint', '-f', 'json'], { cwd: hadolint })).stdout)[0]?.messages ?? [];
    expect(messages.find((m) => m.ruleId === 'apt-get-yes')?.severity).toBe('error');
  });

  test('print-config shows the effective config for a file: overrides applied, ignorePatterns, source', async () => {
    const cwd = repo({ '.dockfix.json': JSON.stringify({ select: ['apk-no-cache'], ignorePatterns: ['vendor/**'], overrides: [{ files: ['prod/*'], rules: { 'apk-no-cache': 'error' } }] }) });
    const prod = JSON.parse((await runCli(['print-config', 'prod/Dockerfile'], { cwd })).stdout) as { configFile: string; ignored: boolean; rules: unknown[] };
    expect(prod).toMatchObject({ configFile: '.dockfix.json', source: 'dockfix', ignored: false, rules: [{ id: 'apk-no-cache', severity: 'error' }] });
    const vendor = JSON.parse((await runCli(['print-config', 'vendor/x/Dockerfile'], { cwd })).stdout) as { ignored: boolean; rules: unknown[] };
    expect(vendor).toMatchObject({ ignored: true, rules: [{ id: 'apk-no-cache', severity: 'info' }] });
    const bad = await runCli(['print-config', 'Dockerfile', '--config', 'nope.json'], { cwd });
    expect([bad.code, bad.stderr]).toEqual([2, 'dockfix: nope.json: config file not found; check the path\n']);
  });
});
