// The JSON Schema shipped as dockfix/config.schema.json: generated from the rules (stale → fail),
// and a real validator (ajv, draft 2020-12) accepts good configs and rejects what the loader rejects.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { repoRoot } from './helpers/paths.js';
// @ts-expect-error plain JavaScript script without types
import { renderSchema, SCHEMA_PATH } from '../scripts/generate-config-schema.mjs';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'packages', 'cli', 'config.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

describe('config JSON Schema', () => {
  test('is up to date with the rules (run `npm run docs` when this fails)', async () => {
    expect(readFileSync(SCHEMA_PATH as string, 'utf8')).toBe(await (renderSchema as () => Promise<string>)());
  });

  test.each([
    [{ $schema: './node_modules/dockfix/config.schema.json', extends: ['dockfix:recommended'], rules: { 'merge-run': ['info', { maxCommands: 3 }], DL3059: 'off' } }],
    [{ extends: 'dockfix:strict', overrides: [{ files: ['**/prod/*.Dockerfile'], rules: { 'no-root-user': 'error' } }], ignorePatterns: ['vendor/**'] }],
    [{ plugins: ['dockfix-plugin-acme'], rules: { 'acme/no-latest': ['error', { anything: 1 }] }, fix: { unsafe: false, unfixable: ['merge-run'] }, failOn: 'warning' }],
    // ShellCheck codes are accepted wherever the loader accepts them (the shellcheck rule's meta.codes).
    [{ extendSelect: ['SC2086'], ignore: ['SC2046'], rules: { SC2086: 'error', SC2035: 'off' } }],
  ])('accepts %j', (config) => {
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  test.each([
    [{ rulez: {} }],
    [{ rules: { 'merge-run': ['info', { maxCommands: '3' }] } }],
    [{ rules: { 'merge-run': ['info', { maxCommand: 3 }] } }],
    [{ rules: { 'merge-runn': 'off' } }],
    [{ rules: { 'merge-run': 'fatal' } }],
    [{ failOn: 'fatal' }],
    [{ overrides: [{ rules: {} }] }],
    [{ fix: { unsafee: true } }],
    [{ rules: { SC2086: ['error', { any: 1 }] } }],
    [{ ignore: ['SC20861'] }],
  ])('rejects %j', (config) => {
    expect(validate(config)).toBe(false);
  });
});
