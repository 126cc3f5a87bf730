// The examples/ directory is the first thing a new user runs dockfix on (the README's first
// command). Each flawed example has its reviewed expected outputs beside it:
//   <name>.fixed.Dockerfile         what `dockfix fix` (safe fixes) must produce
//   <name>.unsafe-fixed.Dockerfile  what `dockfix fix --unsafe` must produce
// The expected files were written or checked line by line by a person; when the tool disagrees,
// the tool is wrong until shown otherwise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fix, lint } from 'dockfix';
import { describe, expect, test } from 'vitest';
import { repoRoot } from './helpers/paths.js';

const examplesDir = path.join(repoRoot, 'examples');
const GOOD = 'good.Dockerfile';
const EXPECTED = /\.(unsafe-)?fixed\.Dockerfile$/;

const flawed = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.Dockerfile') && !EXPECTED.test(name) && name !== GOOD)
  .sort();

function read(name: string): string {
  return readFileSync(path.join(examplesDir, name), 'utf8');
}

function expectedNames(name: string): { safe: string; unsafe: string } {
  const base = name.replace(/\.Dockerfile$/, '');
  return { safe: `${base}.fixed.Dockerfile`, unsafe: `${base}.unsafe-fixed.Dockerfile` };
}

function syntaxProblems(text: string, filePath: string): string[] {
  return lint(text, { filePath })
    .diagnostics.filter((d) => d.fatal)
    .map((d) => `${d.line}:${d.column} ${d.message}`);
}

test('the examples directory holds the lecture files, a naive one and a good one', () => {
  expect(flawed).toEqual(
    expect.arrayContaining([
      'lecture-java.Dockerfile',
      'lecture-node-multistage.Dockerfile',
      'lecture-node-optimized.Dockerfile',
      'naive-node.Dockerfile',
    ]),
  );
  expect(existsSync(path.join(examplesDir, GOOD))).toBe(true);
  expect(existsSync(path.join(examplesDir, 'README.md'))).toBe(true);
});

describe.each(flawed)('examples/%s', (name) => {
  const filePath = path.join(examplesDir, name);
  const { safe, unsafe } = expectedNames(name);

  test('has both expected outputs beside it', () => {
    expect(existsSync(path.join(examplesDir, safe)), `missing examples/${safe}`).toBe(true);
    expect(existsSync(path.join(examplesDir, unsafe)), `missing examples/${unsafe}`).toBe(true);
  });

  test('parses', () => {
    expect(syntaxProblems(read(name), filePath)).toEqual([]);
  });

  test(`safe fixes produce ${safe}`, () => {
    const result = fix(read(name), { filePath });
    expect(result.reverted).toEqual([]);
    expect(result.output).toBe(read(safe));
  });

  test(`unsafe fixes produce ${unsafe}`, () => {
    const result = fix(read(name), { filePath, unsafe: true });
    expect(result.reverted).toEqual([]);
    expect(result.output).toBe(read(unsafe));
  });

  test('the expected outputs parse', () => {
    expect(syntaxProblems(read(safe), path.join(examplesDir, safe))).toEqual([]);
    expect(syntaxProblems(read(unsafe), path.join(examplesDir, unsafe))).toEqual([]);
  });

  test('fixing an expected output again changes nothing', () => {
    const safeText = read(safe);
    const unsafeText = read(unsafe);
    expect(fix(safeText, { filePath: path.join(examplesDir, safe) }).output).toBe(safeText);
    expect(fix(unsafeText, { filePath: path.join(examplesDir, unsafe) }).output).toBe(unsafeText);
    expect(fix(unsafeText, { filePath: path.join(examplesDir, unsafe), unsafe: true }).output).toBe(unsafeText);
  });
});

describe('examples/good.Dockerfile', () => {
  const filePath = path.join(examplesDir, GOOD);

  test('has no diagnostics', () => {
    const result = lint(read(GOOD), { filePath });
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([]);
  });

  test('is left alone by fix, even with unsafe fixes', () => {
    const text = read(GOOD);
    expect(fix(text, { filePath }).output).toBe(text);
    expect(fix(text, { filePath, unsafe: true }).output).toBe(text);
  });
});
