// loadConfig (packages/core/src/config-file.ts): finding and validating the config file, in process.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clearConfigCaches, ConfigError, loadConfig, parseConfigFile } from '@dockfix/core';
import { describe, expect, test } from 'vitest';
import { makeProject } from './run-cli.js';

describe('loadConfig', () => {
  test('finds .dockfix.json in a parent directory', async () => {
    const root = makeProject({ '.dockfix.json': '{"ignore": ["merge-run"]}', 'a/b/Dockerfile': 'FROM alpine\n' });
    const loaded = await loadConfig(path.join(root, 'a', 'b'));
    expect(loaded).toEqual({ filePath: path.join(root, '.dockfix.json'), config: { ignore: ['merge-run'] } });
  });

  test('prefers .dockfix.json over dockfix.config.json in one directory, and the nearest directory over both', async () => {
    const root = makeProject({ '.dockfix.json': '{"select": ["a"]}', 'dockfix.config.json': '{"select": ["b"]}', 'sub/dockfix.config.json': '{"select": ["c"]}' });
    expect((await loadConfig(root))?.config).toEqual({ select: ['a'] });
    expect((await loadConfig(path.join(root, 'sub')))?.config).toEqual({ select: ['c'] });
  });

  test('stops at a directory holding .git (after looking in it)', async () => {
    const root = makeProject({ '.dockfix.json': '{"select": ["outer"]}', 'repo/pkg/Dockerfile': '' });
    mkdirSync(path.join(root, 'repo', '.git'));
    expect(await loadConfig(path.join(root, 'repo', 'pkg'))).toBeNull();
    clearConfigCaches();
    writeFileSync(path.join(root, 'repo', 'dockfix.config.json'), '{"select": ["inner"]}');
    expect((await loadConfig(path.join(root, 'repo', 'pkg')))?.config).toEqual({ select: ['inner'] });
  });

  test('reads a file given directly, whatever its name; a BOM is fine', async () => {
    const root = makeProject({ 'ci.json': '\uFEFF{"failureThreshold": "error", "maxFileSize": 2048, "$schema": "x"}' });
    expect((await loadConfig(path.join(root, 'ci.json')))?.config).toEqual({ failureThreshold: 'error', maxFileSize: 2048 });
  });

  test('a missing file is a ConfigError naming it', async () => {
    await expect(loadConfig('/nonexistent/dockfix.json')).rejects.toThrow(new ConfigError('/nonexistent/dockfix.json: config file not found; check the path'));
  });
});

describe('parseConfigFile', () => {
  test('accepts every documented key', () => {
    const config = {
      select: ['ALL'],
      extendSelect: ['x'],
      ignore: ['DL3059'],
      rules: { 'npm-ci': 'error', DL3059: 'off', 'no-root-user': ['warning', { user: 'app' }], 'merge-run': ['info'] },
      failureThreshold: 'warning',
      maxFileSize: 1,
      extends: ['dockfix:recommended', 'some-shared-config'],
      plugins: ['dockfix-plugin-acme'],
      overrides: [{ files: ['**/prod/*.Dockerfile'], excludedFiles: ['x'], extendSelect: ['a'], ignore: ['b'], rules: { c: 'error' } }],
      ignorePatterns: ['vendor/**'],
      fix: { unsafe: true, fixable: ['ALL'], unfixable: ['merge-run'] },
      noFail: false,
      reportUnusedPragmas: 'error',
      disableIgnorePragma: true,
    };
    expect(parseConfigFile(config, 'f.json')).toEqual(config);
    expect(parseConfigFile({ extends: 'dockfix:all', failOn: 'info' }, 'f.json')).toEqual({ extends: ['dockfix:all'], failOn: 'info' });
  });

  test.each([
    [[], /^f\.json: the config must be an object/],
    [{ select: 'npm-ci' }, /^f\.json: select must be an array of rule ids/],
    [{ ignore: [1] }, /^f\.json: ignore\[0\] must be a non-empty string/],
    [{ rules: [] }, /^f\.json: rules must be an object/],
    [{ rules: { x: 'fatal' } }, /^f\.json: rules\.x must be one of "off", "error", "warning", "info", "style" or \[severity, \{options\}\]/],
    [{ rules: { x: ['error', 'opts'] } }, /^f\.json: rules\.x\[1\] must be one of/],
    [{ rules: { x: [] } }, /^f\.json: rules\.x must be one of/],
    [{ failureThreshold: 'fatal' }, /^f\.json: failureThreshold must be one of error, warning, info, style$/],
    [{ failOn: 'error', failureThreshold: 'error' }, /^f\.json: failureThreshold is another name for "failOn"; give only one of them$/],
    [{ maxFileSize: '5mb' }, /^f\.json: maxFileSize must be a positive number of bytes$/],
    [{ 'failure-threshold': 'error' }, /^f\.json: unknown key "failure-threshold"; did you mean "failureThreshold"\?/],
    [{ ignored: ['DL3059'] }, /^f\.json: unknown key "ignored"; did you mean "ignore"\?/],
    [{ fix: { unsafee: true } }, /^f\.json: unknown key "fix\.unsafee"; did you mean "unsafe"\? \(allowed: unsafe, fixable, unfixable\)$/],
    [{ overrides: [{ rules: {} }] }, /^f\.json: overrides\[0\] needs "files"/],
    [{ overrides: [{ files: ['*'], rules: { a: 'loud' } }] }, /^f\.json: overrides\[0\]\.rules\.a must be one of/],
    [{ extends: 3 }, /^f\.json: extends must be an array of config names/],
    [{ colour: true }, /^f\.json: unknown key "colour" \(allowed: extends, plugins, select, extendSelect, ignore, rules, overrides, ignorePatterns, fix, failOn, failureThreshold, noFail, maxFileSize, reportUnusedPragmas, disableIgnorePragma\)$/],
  ])('rejects %j', (data, message) => {
    expect(() => parseConfigFile(data, 'f.json')).toThrow(ConfigError);
    expect(() => parseConfigFile(data, 'f.json')).toThrow(message);
  });
});
