import { createLinter } from '@dockfix/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRuleFiles, renderDocs, renderIndex, staleFiles } from '../../../scripts/generate-rules.mjs';
import { rules } from '../src/index.js';
import { TEST_DIR } from './helpers.js';

const ROOT = join(TEST_DIR, '../../..');

describe('generated registry and docs', () => {
  it('packages/rules/src/index.ts is up to date (run `npm run docs`)', () => {
    expect(readFileSync(join(ROOT, 'packages/rules/src/index.ts'), 'utf8')).toBe(renderIndex(ROOT));
  });

  it('docs/rules is up to date (run `npm run docs`)', () => {
    expect(staleFiles(join(ROOT, 'docs/rules'), renderDocs(rules, createLinter))).toEqual([]);
  });

  it('names each rule file after its id and puts it in its category folder', () => {
    const files = findRuleFiles(ROOT).map((file) => `${file.category}/${file.id}`);
    expect(rules.map((rule) => `${rule.meta.category}/${rule.meta.id}`)).toEqual(files);
  });

  it('has unique kebab-case ids in id order', () => {
    const ids = rules.map((rule) => rule.meta.id);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
