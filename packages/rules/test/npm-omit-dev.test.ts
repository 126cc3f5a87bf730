import { createLinter } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import npmOmitDev from '../src/node/npm-omit-dev.js';

const linter = createLinter({ rules: [npmOmitDev] });

/** The fix safety npm-omit-dev offers for `--production` in a stage built on `from`. */
function safetyOn(from: string, prelude = ''): string | undefined {
  const result = linter.lint(`${prelude}FROM ${from}\nRUN npm ci --production\n`);
  expect(result.fatal).toBe(false);
  if (result.diagnostics.length === 0) return 'quiet';
  expect(result.diagnostics).toHaveLength(1);
  return result.diagnostics[0]?.fix?.safety;
}

describe('npm-omit-dev: safe only where npm >= 7 is known', () => {
  it.each([
    ['node:15', 'safe'],
    ['node:16-alpine', 'safe'],
    ['node:20.11.1-bookworm-slim', 'safe'],
    ['node:22', 'safe'],
    ['node', 'safe'],
    ['node:lts', 'safe'],
    ['node:current-alpine', 'safe'],
    ['node:alpine', 'safe'],
    ['node:hydrogen', 'safe'],
    ['docker.io/library/node:20', 'safe'],
    ['docker.io/node:20', 'safe'],
    ['node:20@sha256:0a2e0e2b3d4c5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a', 'safe'],
    ['node:14', 'quiet'],
    ['node:14.21.3-alpine', 'quiet'],
    ['node:12-slim', 'quiet'],
    ['node:8', 'quiet'],
    ['node:fermium', 'quiet'],
    ['node:erbium-alpine', 'quiet'],
    ['node@sha256:0a2e0e2b3d4c5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a', 'unsafe'],
    ['mhart/alpine-node:16', 'unsafe'],
    ['circleci/node:18', 'unsafe'],
    ['debian:bookworm', 'unsafe'],
    ['nodejs:20', 'unsafe'],
  ])('%s → %s', (from, expected) => {
    expect(safetyOn(from)).toBe(expected);
  });

  it('treats an ARG-templated tag as unknown, even with a recent default', () => {
    expect(safetyOn('node:${NODE_VERSION}', 'ARG NODE_VERSION=20\n')).toBe('unsafe');
    expect(safetyOn('node:${NODE_VERSION:-20}')).toBe('unsafe');
    expect(safetyOn('${BASE}', 'ARG BASE=node:20\n')).toBe('unsafe');
  });

  it('follows FROM <stage> to the real image', () => {
    const text = 'FROM node:20 AS base\nFROM base AS deps\nFROM deps\nRUN npm ci --production\n';
    expect(linter.lint(text).diagnostics[0]?.fix?.safety).toBe('safe');
    const old = 'FROM node:14 AS base\nFROM base\nRUN npm ci --production\n';
    expect(linter.lint(old).diagnostics).toEqual([]);
  });

  it.each([
    ['npm install --production', 'npm install --omit=dev'],
    ['npm i --only=production', 'npm i --omit=dev'],
    ['npm ci --only=prod', 'npm ci --omit=dev'],
    ['npm ci --only production', 'npm ci --omit=dev'],
    ['npm prune --production=true', 'npm prune --omit=dev'],
    ['npm prune --production true', 'npm prune --omit=dev'],
    ['npm ci --omit=dev --production', 'npm ci --omit=dev'],
  ])('%s → %s', (command, expected) => {
    expect(linter.fix(`FROM node:20\nRUN ${command}\n`).output).toBe(`FROM node:20\nRUN ${expected}\n`);
  });

  it.each([
    'npm install --production=false',
    'npm install --production false',
    'npm ci --only=dev',
    'npm ci --omit=dev',
    'yarn install --production',
    'npm run build --production',
    'npm ci --only=$MODE',
  ])('leaves `%s` alone', (command) => {
    expect(linter.lint(`FROM node:20\nRUN ${command}\n`).diagnostics).toEqual([]);
  });
});
