// The examples/ directory is the first thing a new user runs dockfix on (the README's first
// command, `dockfix lint examples/`). Each example is a directory with its Dockerfile, so that the
// command lints the inputs only; the reviewed expected outputs of each flawed one live here, in
// test/examples/:
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
const expectedDir = path.join(repoRoot, 'test', 'examples');
const GOOD = 'good';

const flawed = readdirSync(examplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== GOOD)
  .map((entry) => entry.name)
  .sort();

/** The Dockerfile of example `name`. */
function input(name: string): string {
  return path.join(examplesDir, name, 'Dockerfile');
}

function read(file: string): string {
  return readFileSync(file, 'utf8');
}

function expectedFiles(name: string): { safe: string; unsafe: string } {
  return { safe: path.join(expectedDir, `${name}.fixed.Dockerfile`), unsafe: path.join(expectedDir, `${name}.unsafe-fixed.Dockerfile`) };
}

function syntaxProblems(text: string, filePath: string): string[] {
  return lint(text, { filePath })
    .diagnostics.filter((d) => d.fatal)
    .map((d) => `${d.line}:${d.column} ${d.message}`);
}

test('the examples directory holds the lecture files, a naive one and a good one, and nothing else to lint', () => {
  expect(flawed).toEqual(expect.arrayContaining(['lecture-java', 'lecture-node-multistage', 'lecture-node-optimized', 'naive-node']));
  expect(existsSync(input(GOOD))).toBe(true);
  expect(existsSync(path.join(examplesDir, 'README.md'))).toBe(true);
  // `dockfix lint examples/` must see the inputs only: one Dockerfile per example directory.
  for (const name of [...flawed, GOOD]) {
    expect(readdirSync(path.join(examplesDir, name)).filter((file) => /dockerfile/i.test(file) && file !== '.dockerignore')).toEqual(['Dockerfile']);
  }
});

describe.each(flawed)('examples/%s', (name) => {
  const filePath = input(name);
  const { safe, unsafe } = expectedFiles(name);

  test('has both expected outputs in test/examples', () => {
    expect(existsSync(safe), `missing ${path.relative(repoRoot, safe)}`).toBe(true);
    expect(existsSync(unsafe), `missing ${path.relative(repoRoot, unsafe)}`).toBe(true);
  });

  test('parses', () => {
    expect(syntaxProblems(read(filePath), filePath)).toEqual([]);
  });

  test('safe fixes produce the .fixed output', () => {
    const result = fix(read(filePath), { filePath });
    expect(result.reverted).toEqual([]);
    expect(result.output).toBe(read(safe));
  });

  test('unsafe fixes produce the .unsafe-fixed output', () => {
    const result = fix(read(filePath), { filePath, unsafe: true });
    expect(result.reverted).toEqual([]);
    expect(result.output).toBe(read(unsafe));
  });

  test('the expected outputs parse', () => {
    expect(syntaxProblems(read(safe), filePath)).toEqual([]);
    expect(syntaxProblems(read(unsafe), filePath)).toEqual([]);
  });

  test('fixing an expected output again changes nothing', () => {
    const safeText = read(safe);
    const unsafeText = read(unsafe);
    expect(fix(safeText, { filePath }).output).toBe(safeText);
    expect(fix(unsafeText, { filePath }).output).toBe(unsafeText);
    expect(fix(unsafeText, { filePath, unsafe: true }).output).toBe(unsafeText);
  });
});

describe('examples/good/Dockerfile', () => {
  const filePath = input(GOOD);

  test('has no diagnostics', () => {
    const result = lint(read(filePath), { filePath });
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([]);
  });

  test('is left alone by fix, even with unsafe fixes', () => {
    const text = read(filePath);
    expect(fix(text, { filePath }).output).toBe(text);
    expect(fix(text, { filePath, unsafe: true }).output).toBe(text);
  });
});
