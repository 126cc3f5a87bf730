// Golden tests of `dockfix fix --unsafe`: realistic Dockerfiles per stack (test/golden/<stack>/) and
// every flawed example (examples/<name>/Dockerfile, reviewed output in test/examples/), each with its reviewed output:
//   <name>.Dockerfile                the input
//   <name>.unsafe-fixed.Dockerfile   what `dockfix fix --unsafe` must produce (reviewed line by line)
//
// Besides the output itself, every case checks what makes a rewrite acceptable: the output parses, a
// second `fix --unsafe` changes nothing, every comment line of the input is still there, and the rules
// whose fixes were applied report nothing on the output.
//
// When the tool changes, `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites the expected files;
// review every changed line before keeping it. If the new output is wrong, fix the tool instead.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fix, lint } from 'dockfix';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const goldenDir = path.join(repoRoot, 'test', 'golden');
const examplesDir = path.join(repoRoot, 'examples');
const examplesExpectedDir = path.join(repoRoot, 'test', 'examples');
const EXPECTED = /\.(unsafe-)?fixed\.Dockerfile$/;
const update = process.env.UPDATE_GOLDEN === '1';

interface Case {
  readonly label: string;
  readonly input: string;
  readonly expected: string;
}

function casesIn(dir: string, label: string, skip: (name: string) => boolean = () => false): Case[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.Dockerfile') && !EXPECTED.test(name) && !skip(name))
    .sort()
    .map((name) => ({
      label: `${label}/${name}`,
      input: path.join(dir, name),
      expected: path.join(dir, name.replace(/\.Dockerfile$/, '.unsafe-fixed.Dockerfile')),
    }));
}

const stacks = readdirSync(goldenDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const cases = [
  ...stacks.flatMap((stack) => casesIn(path.join(goldenDir, stack), stack)),
  ...readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'good')
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      label: `examples/${name}`,
      input: path.join(examplesDir, name, 'Dockerfile'),
      expected: path.join(examplesExpectedDir, `${name}.unsafe-fixed.Dockerfile`),
    })),
];

/** Trimmed comment lines, counted. */
function comments(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) counts.set(trimmed, (counts.get(trimmed) ?? 0) + 1);
  }
  return counts;
}

test('has about a dozen realistic Dockerfiles per stack', () => {
  expect(stacks).toEqual(expect.arrayContaining(['go', 'java', 'node', 'python']));
  for (const stack of stacks) expect(casesIn(path.join(goldenDir, stack), stack).length, stack).toBeGreaterThanOrEqual(12);
});

describe.each(cases.map((c) => [c.label, c] as const))('%s', (_label, c) => {
  const text = readFileSync(c.input, 'utf8');
  const result = fix(text, { filePath: c.input, unsafe: true });
  if (update) writeFileSync(c.expected, result.output);

  test('fix --unsafe produces the reviewed output', () => {
    expect(result.reverted, 'no fix may need reverting').toEqual([]);
    expect(existsSync(c.expected), `missing ${path.relative(repoRoot, c.expected)} (UPDATE_GOLDEN=1 writes it; review it)`).toBe(true);
    expect(result.output).toBe(readFileSync(c.expected, 'utf8'));
  });

  test('the output parses and a second fix changes nothing', () => {
    expect(lint(result.output, { filePath: c.input }).diagnostics.filter((d) => d.fatal)).toEqual([]);
    const again = fix(result.output, { filePath: c.input, unsafe: true });
    expect(again.output).toBe(result.output);
    expect(again.reverted).toEqual([]);
  });

  test('every comment is kept', () => {
    const after = comments(result.output);
    const lost = [...comments(text)].filter(([line, count]) => (after.get(line) ?? 0) < count).map(([line]) => line);
    expect(lost).toEqual([]);
  });

  test('the rules that fixed it report nothing on the output', () => {
    const fixed = new Set(result.applied.map((applied) => applied.ruleId));
    const left = lint(result.output, { filePath: c.input }).diagnostics.filter((d) => fixed.has(d.ruleId));
    expect(left.map((d) => `${d.line}:${d.column} ${d.ruleId}: ${d.message}`)).toEqual([]);
  });
});
