// loadConfig (packages/core/src/config-file.ts): finding and validating the config file, in process.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, parseConfigFile } from '@dockfix/core';
import { describe, expect, test } from 'vitest';
import { makeProject } from './run-cli.js';

describe('loadConfig', () => {
  test('finds .dockfix.json in a parent directory', () => {
    const root = makeProject({ '.dockfix.json': '{"ignore": ["merge-run"]}', 'a/b/Dockerfile': 'FROM alpine\n' });
    const loaded = loadConfig(path.join(root, 'a', 'b'));
    expect(loaded).toEqual({ filePath: path.join(root, '.dockfix.json'), config: { ignore: ['merge-run'] } });
  });

  test('prefers .dockfix.json over dockfix.config.json in one directory, and the nearest directory over both', () => {
    const root = makeProject({ '.dockfix.json': '{"select": ["a"]}', 'dockfix.config.json': '{"select": ["b"]}', 'sub/dockfix.config.json': '{"select": ["c"]}' });
    expect(loadConfig(root)?.config).toEqual({ select: ['a'] });
    expect(loadConfig(path.join(root, 'sub'))?.config).toEqual({ select: ['c'] });
  });

  test('stops at a directory holding .git (after looking in it)', () => {
    const root = makeProject({ '.dockfix.json': '{"select": ["outer"]}', 'repo/pkg/Dockerfile': '' });
    mkdirSync(path.join(root, 'repo', '.git'));
    expect(loadConfig(path.join(root, 'repo', 'pkg'))).toBeNull();
    writeFileSync(path.join(root, 'repo', 'dockfix.config.json'), '{"select": ["inner"]}');
    expect(loadConfig(path.join(root, 'repo', 'pkg'))?.config).toEqual({ select: ['inner'] });
  });

  test('reads a file given directly, whatever its name; a BOM is fine', () => {
    const root = makeProject({ 'ci.json': '\uFEFF{"failureThreshold": "error", "maxFileSize": 2048, "$schema": "x"}' });
    expect(loadConfig(path.join(root, 'ci.json'))?.config).toEqual({ failureThreshold: 'error', maxFileSize: 2048 });
  });

  test('a missing file is a ConfigError naming it', () => {
    expect(() => loadConfig('/nonexistent/dockfix.json')).toThrow(new ConfigError('/nonexistent/dockfix.json: config file not found; check the path'));
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
    };
    expect(parseConfigFile(config, 'f.json')).toEqual(config);
  });

  test.each([
    [[], /^f\.json: the config must be a JSON object/],
    [{ select: 'npm-ci' }, /^f\.json: "select" must be an array of rule ids/],
    [{ ignore: [1] }, /^f\.json: "ignore" must be an array/],
    [{ rules: [] }, /^f\.json: "rules" must be an object/],
    [{ rules: { x: 'fatal' } }, /^f\.json: rule "x" must be one of "off", "error", "warning", "info", "style" or \[severity, \{options\}\]/],
    [{ rules: { x: ['error', 'opts'] } }, /^f\.json: rule "x" must be one of/],
    [{ rules: { x: [] } }, /^f\.json: rule "x" must be one of/],
    [{ failureThreshold: 'critical' }, /^f\.json: "failureThreshold" must be one of error, warning, info, style$/],
    [{ maxFileSize: '5mb' }, /^f\.json: "maxFileSize" must be a positive number of bytes$/],
    [{ 'failure-threshold': 'error' }, /^f\.json: unknown key "failure-threshold"; did you mean "failureThreshold"\?/],
    [{ ignored: ['DL3059'] }, /^f\.json: unknown key "ignored"; did you mean "ignore"\?/],
    [{ colour: true }, /^f\.json: unknown key "colour" \(allowed: select, extendSelect, ignore, rules, failureThreshold, maxFileSize\)$/],
  ])('rejects %j', (data, message) => {
    expect(() => parseConfigFile(data, 'f.json')).toThrow(ConfigError);
    expect(() => parseConfigFile(data, 'f.json')).toThrow(message);
  });
});
