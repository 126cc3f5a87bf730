import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import buildWithoutDevDeps from '../src/node/build-without-dev-deps.js';
import npmOmitDev from '../src/node/npm-omit-dev.js';

const both = createLinter({ rules: [buildWithoutDevDeps, npmOmitDev] });
const alone = createLinter({ rules: [buildWithoutDevDeps] });
const lecture = 'FROM node:18-alpine AS builder\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --only=production && npm cache clean --force\nCOPY . .\nRUN npm run build\n';

describe('build-without-dev-deps with npm-omit-dev', () => {
  it('the unsafe fix removes the flag npm-omit-dev would rewrite, and a second fix changes nothing', () => {
    const fixed = both.fix(lecture, { unsafe: true });
    expect(fixed.output).toBe('FROM node:18-alpine AS builder\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci && npm cache clean --force\nCOPY . .\nRUN npm run build && npm prune --omit=dev\n');
    expect(both.fix(fixed.output, { unsafe: true }).output).toBe(fixed.output);
    expect(both.lint(fixed.output).diagnostics).toEqual([]);
  });

  it('the safe fix only respells the flag, and the bug stays reported', () => {
    const fixed = both.fix(lecture);
    expect(fixed.output).toContain('RUN npm ci --omit=dev && npm cache clean --force');
    expect(both.lint(fixed.output).diagnostics.map((d) => d.ruleId)).toEqual(['build-without-dev-deps']);
    const unsafe = both.fix(fixed.output, { unsafe: true });
    expect(unsafe.output).toBe(both.fix(lecture, { unsafe: true }).output);
  });
});

describe('build-without-dev-deps reads the package.json beside the Dockerfile', () => {
  const inDir = (manifest: object) => {
    const dir = mkdtempSync(join(tmpdir(), 'dockfix-devdeps-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
    return join(dir, 'Dockerfile');
  };

  it('stays quiet when there are no devDependencies', () => {
    expect(alone.lint(lecture, { filePath: inDir({ dependencies: { express: '^4' } }) }).diagnostics).toEqual([]);
  });

  it('reports when there are', () => {
    expect(alone.lint(lecture, { filePath: inDir({ devDependencies: { typescript: '^5' } }) }).diagnostics).toHaveLength(1);
  });
});
