// createConfigResolver in process: merging order, presets, cycles, plugin namespaces, caching.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConfigResolver, pluginNamespace } from '@dockfix/core';
import { rules } from 'dockfix';
import { describe, expect, it } from 'vitest';

function repo(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockfix-resolver-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const severityOf = async (dir: string, id: string, file = 'Dockerfile') => {
  const resolved = await createConfigResolver({ rules, cwd: dir, env: {} }).forFile(path.join(dir, file));
  return resolved.linter.resolve(resolved.config).find((r) => r.rule.meta.id === id)?.severity;
};

describe('createConfigResolver', () => {
  it('applies extends first and the file last, whether a rule is named by id or alias', async () => {
    const dir = repo({ 'base.json': '{"rules": {"merge-run": "error"}}', '.dockfix.json': '{"extends": "./base.json", "rules": {"DL3059": "warning"}}' });
    expect(await severityOf(dir, 'merge-run')).toBe('warning');
  });

  it('a later override wins over an earlier one and over the base rules', async () => {
    const dir = repo({ '.dockfix.json': JSON.stringify({ rules: { 'merge-run': 'info' }, overrides: [{ files: ['*.Dockerfile'], rules: { DL3059: 'warning' } }, { files: ['prod/*'], rules: { 'merge-run': 'error' } }] }) });
    expect(await severityOf(dir, 'merge-run', 'a.Dockerfile')).toBe('warning');
    expect(await severityOf(dir, 'merge-run', 'prod/a.Dockerfile')).toBe('error');
    expect(await severityOf(dir, 'merge-run', 'Dockerfile')).toBe('info');
  });

  it('dockfix:strict raises default warnings to errors, but the file still has the last word', async () => {
    const dir = repo({ '.dockfix.json': '{"extends": "dockfix:strict", "rules": {"DL3014": "info"}}' });
    expect(await severityOf(dir, 'npm-ci')).toBe('error');
    expect(await severityOf(dir, 'apt-get-yes')).toBe('info');
    expect(await severityOf(dir, 'apk-pin-versions')).toBe('error');
  });

  it('an extends cycle is a clear error', async () => {
    const dir = repo({ 'a.json': '{"extends": "./.dockfix.json"}', '.dockfix.json': '{"extends": "./a.json"}' });
    await expect(createConfigResolver({ rules, cwd: dir, env: {} }).forFile(path.join(dir, 'Dockerfile'))).rejects.toThrow(
      '.dockfix.json: extends itself through .dockfix.json → a.json → .dockfix.json',
    );
  });

  it('hands out one Config object per distinct effective config, so the linter caches rule resolution', async () => {
    const dir = repo({ '.dockfix.json': '{"overrides": [{"files": ["prod/*"], "ignore": ["merge-run"]}]}' });
    const resolver = createConfigResolver({ rules, cwd: dir, env: {} });
    const a = await resolver.forFile(path.join(dir, 'x/Dockerfile'));
    const b = await resolver.forFile(path.join(dir, 'y/Dockerfile'));
    const c = await resolver.forFile(path.join(dir, 'prod/Dockerfile'));
    expect(a.config).toBe(b.config);
    expect(a.config).not.toBe(c.config);
  });

  it('names plugins as ESLint does', () => {
    expect(pluginNamespace('dockfix-plugin-acme')).toBe('acme');
    expect(pluginNamespace('@acme/dockfix-plugin')).toBe('@acme');
    expect(pluginNamespace('@acme/dockfix-plugin-web')).toBe('@acme/web');
    expect(pluginNamespace('acme-rules')).toBe('acme-rules');
  });
});
