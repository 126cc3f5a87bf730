import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRuleDoc, ruleDocFile, ruleDocFileUrl, ruleDocUrl, rulesVersion } from '../src/lib/docs.js';
import { rules } from '../src/index.js';
import { TEST_DIR } from './helpers.js';

const PACKAGE = join(TEST_DIR, '..');
const { version } = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string };

describe('@dockfix/rules/docs', () => {
  it('finds the shipped page of every rule in the package (copied by the build)', () => {
    expect(existsSync(join(PACKAGE, 'docs', 'rules')), 'packages/rules/docs/rules is missing: run `npm run build`').toBe(true);
    for (const rule of rules) {
      expect(ruleDocFile(rule.meta.id)).toBe(join(PACKAGE, 'docs', 'rules', `${rule.meta.id}.md`));
      expect(ruleDocFileUrl(rule.meta.id)).toBe(pathToFileURL(join(PACKAGE, 'docs', 'rules', `${rule.meta.id}.md`)).href);
    }
  });

  it('has no page for ids it does not ship, nor for anything that is not a plain id', () => {
    for (const id of ['no-such-rule', 'my-plugin/no-foo', '../../package', 'README', 'NPM-CI', '']) expect(ruleDocFile(id), id).toBeUndefined();
    expect(ruleDocFileUrl('no-such-rule')).toBeUndefined();
    expect(readRuleDoc('no-such-rule')).toBeUndefined();
  });

  it('reads a page without the generated-file banner', () => {
    const doc = readRuleDoc('npm-ci') ?? '';
    expect(doc.startsWith('# npm-ci\n\n')).toBe(true);
    expect(readFileSync(join(PACKAGE, 'docs', 'rules', 'npm-ci.md'), 'utf8').endsWith(doc)).toBe(true);
  });

  it('links to the unpkg.com copy of this version, or under DOCKFIX_RULE_DOCS_URL', () => {
    expect(rulesVersion()).toBe(version);
    expect(ruleDocUrl('npm-ci', {})).toBe(`https://unpkg.com/@dockfix/rules@${version}/docs/rules/npm-ci.md`);
    expect(ruleDocUrl('npm-ci', { DOCKFIX_RULE_DOCS_URL: 'https://docs.example.com/r' })).toBe('https://docs.example.com/r/npm-ci.md');
    expect(ruleDocUrl('npm-ci', { DOCKFIX_RULE_DOCS_URL: 'https://docs.example.com/r/' })).toBe('https://docs.example.com/r/npm-ci.md');
    // Empty or blank means unset, as a CI variable left empty often is.
    expect(ruleDocUrl('npm-ci', { DOCKFIX_RULE_DOCS_URL: ' ' })).toBe(`https://unpkg.com/@dockfix/rules@${version}/docs/rules/npm-ci.md`);
  });
});
