// hadolint's config mapped onto dockfix rules by alias (packages/core/src/hadolint-config.ts and the
// resolver): trustedRegistries onto the rule aliased DL3026, label-schema and strict-labels onto the
// rules aliased DL3049–DL3058. Stub rules stand in for those, so the mapping is tested on its own.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConfigResolver, defineRule, hadolintConfigCandidates, hadolintEnvSettings, parseHadolintSettings, type Rule } from '@dockfix/core';
import { describe, expect, it } from 'vitest';

const docs = { rationale: '', invalid: [], valid: [] };
const stub = (id: string, code: string, options: Rule['meta']['options']) =>
  defineRule({ meta: { id, category: 'test', severity: 'warning', description: id, fix: 'none', optIn: true, sources: [{ tool: 'hadolint', rule: code, kind: 'same' }], options, docs }, create: () => ({}) });
const registries = stub('trusted-registry', 'DL3026', { trustedRegistries: { type: 'string[]', description: '', default: [] } });
const labels = stub('label-schema', 'DL3049', { labelSchema: { type: 'object', description: '', default: {} } as never, strictLabels: { type: 'boolean', description: '', default: false } });
const other = stub('other', 'DL3008', {});

function project(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dockfix-hadolint-'));
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, '.hadolint.yaml'), yaml);
  return dir;
}

describe('hadolint config onto dockfix rules', () => {
  it('maps trustedRegistries, label-schema and strict-labels by alias, and override severities', async () => {
    const cwd = project('trustedRegistries: docker.io\nlabel-schema:\n  maintainer: text\nstrict-labels: true\noverride:\n  error: [DL3026]\n  style: [DL3008]\n');
    const resolver = createConfigResolver({ rules: [registries, labels, other], cwd, env: {} });
    const file = await resolver.forFile(path.join(cwd, 'Dockerfile'));
    expect(file.source).toBe('hadolint');
    expect(file.config.rules).toEqual({
      'trusted-registry': ['error', { trustedRegistries: ['docker.io'] }],
      other: 'style',
      'label-schema': ['warning', { labelSchema: { maintainer: 'text' }, strictLabels: true }],
    });
    const resolved = file.linter.resolve(file.config);
    expect(resolved.find((r) => r.rule.meta.id === 'trusted-registry')?.options).toEqual({ trustedRegistries: ['docker.io'] });
  });

  it('warns, naming the file and key, when no rule takes the option yet or a key is unknown', async () => {
    const cwd = project('trustedRegistries: [docker.io]\nfoo: 1\n');
    const file = await createConfigResolver({ rules: [other], cwd, env: {} }).forFile(path.join(cwd, 'Dockerfile'));
    expect(file.warnings).toEqual([
      '.hadolint.yaml: unknown key "foo" ignored (hadolint keys: ignored, override, trustedRegistries, label-schema, strict-labels, failure-threshold, no-fail, disable-ignore-pragma)',
      '.hadolint.yaml: trustedRegistries ignored: no rule for DL3026 takes "trustedRegistries" yet',
    ]);
  });

  it('failure-threshold none means no-fail; disable-ignore-pragma reaches the linter', async () => {
    const cwd = project('failure-threshold: none\ndisable-ignore-pragma: true\n');
    const file = await createConfigResolver({ rules: [other], cwd, env: {} }).forFile(path.join(cwd, 'Dockerfile'));
    expect(file.noFail).toBe(true);
    expect(file.config.disableIgnorePragma).toBe(true);
  });

  it('reads HADOLINT_* variables as hadolint does', () => {
    expect(
      hadolintEnvSettings({ HADOLINT_IGNORE: 'DL3008, DL3009', HADOLINT_OVERRIDE_ERROR: 'DL3026', HADOLINT_NOFAIL: 'yes', HADOLINT_FAILURE_THRESHOLD: 'warning', HADOLINT_REQUIRE_LABELS: 'maintainer:text' }),
    ).toEqual({ ignored: ['DL3008', 'DL3009'], override: { error: ['DL3026'] }, noFail: true, failureThreshold: 'warning', labelSchema: { maintainer: 'text' } });
    expect(hadolintEnvSettings({})).toBeNull();
  });

  it('searches where hadolint searches, in its order', () => {
    expect(hadolintConfigCandidates('/w', { HOME: '/h' })).toEqual([
      '/w/.hadolint.yaml',
      '/w/.hadolint.yml',
      '/h/.config/hadolint.yaml',
      '/h/.config/hadolint.yml',
      '/h/.hadolint/hadolint.yaml',
      '/h/.hadolint/hadolint.yml',
      '/h/.hadolint/config.yaml',
      '/h/.hadolint/config.yml',
      '/h/.hadolint.yaml',
      '/h/.hadolint.yml',
    ]);
  });

  it('rejects values of the wrong type, naming the key', () => {
    expect(() => parseHadolintSettings({ 'strict-labels': 'yes' }, 'h.yaml', [])).toThrow('h.yaml: strict-labels must be true or false');
    expect(() => parseHadolintSettings({ 'failure-threshold': 'fatal' }, 'h.yaml', [])).toThrow('h.yaml: failure-threshold must be one of error, warning, info, style, none');
  });
});
