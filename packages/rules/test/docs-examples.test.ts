import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from '@dockfix/core';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';
import { configFor } from './helpers.js';

// Examples are linted as files on disk, in an empty repository, so that rules which look beside the
// Dockerfile (missing-dockerignore) see what a user linting that file would see.
const repository = mkdtempSync(join(tmpdir(), 'dockfix-docs-'));
mkdirSync(join(repository, '.git'));
afterAll(() => rmSync(repository, { recursive: true, force: true }));
let written = 0;
function onDisk(text: string): string {
  const path = join(repository, `example-${++written}.Dockerfile`);
  writeFileSync(path, text);
  return path;
}

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s doc examples', (_id, rule) => {
  const linter = createLinter({ rules: [rule] });
  // Opt-in rules run only when selected.
  const config = configFor(rule, rule.meta.docs.exampleOptions ? { ...rule.meta.docs.exampleOptions } : undefined);
  it('has examples of both kinds', () => {
    expect(rule.meta.docs.invalid.length).toBeGreaterThan(0);
    expect(rule.meta.docs.valid.length).toBeGreaterThan(0);
  });
  it.each(rule.meta.docs.invalid.map((text, index) => [index + 1, text] as const))('invalid example %i is reported', (_index, text) => {
    const result = linter.lint(text, { config, filePath: onDisk(text) });
    expect(result.fatal).toBe(false);
    expect(result.diagnostics.filter((d) => d.ruleId === rule.meta.id).length).toBeGreaterThan(0);
  });
  it.each(rule.meta.docs.valid.map((text, index) => [index + 1, text] as const))('valid example %i is not reported', (_index, text) => {
    const result = linter.lint(text, { config, filePath: onDisk(text) });
    expect(result.fatal).toBe(false);
    expect(result.diagnostics.map((d) => d.message)).toEqual([]);
  });
});
