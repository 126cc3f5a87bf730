// Runs every rule and the fixer over the shared corpus of real Dockerfiles. Each file gets its own
// describe block so that a failure names the file; the invariants are the fixer's promises from
// DESIGN.md: no crash, no output that fails to parse, no reverted pass, idempotent fixes,
// byte-identical output when nothing applies, comments, line endings and BOM preserved.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeDockerfile, type Config, type FixResult } from '@dockfix/core';
import { fix, lint, rules } from 'dockfix';
import { describe, expect, test } from 'vitest';
import { corpusRoot, listCorpusFiles } from './helpers/paths.js';

// Every rule but shellcheck, which adds a ShellCheck process per file and no fixes: its own test
// (packages/rules/test/shellcheck.test.ts) checks where its findings land over a sample of the corpus.
const ALL: Config = { select: ['ALL'], ignore: ['shellcheck'] };
const files = listCorpusFiles();

/** Per-mode tallies, checked at the end so that the suite cannot pass by fixing nothing. */
const tally = { safe: { changedFiles: 0 }, unsafe: { changedFiles: 0 } };
const texts = new Map<string, string>();

/** The file's text, decoded once; throws (failing only that file's tests) when it does not decode. */
function textOf(relative: string): string {
  const cached = texts.get(relative);
  if (cached !== undefined) return cached;
  const text = decodeDockerfile(readFileSync(path.join(corpusRoot, relative)));
  texts.set(relative, text);
  return text;
}

/** Trimmed comment lines (`# …`), counted, so that a fix which drops one is caught. */
function commentLines(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) counts.set(trimmed, (counts.get(trimmed) ?? 0) + 1);
  }
  return counts;
}

function lineEndingKind(text: string): 'none' | 'lf' | 'crlf' | 'mixed' {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  if (crlf === 0 && lf === 0) return 'none';
  if (crlf === 0) return 'lf';
  if (lf === 0) return 'crlf';
  return 'mixed';
}

function describeReverts(result: FixResult): string {
  return result.reverted.map((r) => `[${r.ruleIds.join(', ')}] ${r.reason}`).join('\n');
}

function checkFix(relative: string, unsafe: boolean): void {
  const input = textOf(relative);
  const options = { unsafe, config: ALL, filePath: relative };
  const mode = unsafe ? 'unsafe' : 'safe';
  const result = fix(input, options);

  // A reverted pass means a rule produced a rewrite the fixer had to throw away: a rule bug.
  expect(result.reverted, `${relative} (${mode}): the fixer reverted a pass:\n${describeReverts(result)}`).toEqual([]);

  if (result.applied.length === 0) {
    expect(result.output === input, `${relative} (${mode}): nothing applied, yet the output differs`).toBe(true);
    expect(result.changed).toBe(false);
    expect(result.diff).toBe('');
    return;
  }
  if (!unsafe) {
    const unsafeApplied = result.applied.filter((a) => a.safety !== 'safe').map((a) => a.ruleId);
    expect(unsafeApplied, `${relative}: unsafe fixes applied without unsafe: true`).toEqual([]);
  }

  const output = result.output;
  // Fixing the output lints it afresh first (no rules blocked), so its `remaining` is a re-parse.
  const again = fix(output, options);
  const syntax = again.remaining.filter((d) => d.fatal).map((d) => `${d.line}:${d.column} ${d.message}`);
  expect(syntax, `${relative} (${mode}): the output no longer parses`).toEqual([]);
  expect(result.fatal).toBe(false);

  expect(
    again.output === output,
    `${relative} (${mode}): fixing the output again changed it (rules: ${again.applied.map((a) => a.ruleId).join(', ')})\n${again.diff}`,
  ).toBe(true);
  expect(again.reverted, `${relative} (${mode}): re-fixing the output reverted a pass:\n${describeReverts(again)}`).toEqual([]);

  const after = commentLines(output);
  const lost = [...commentLines(input)].filter(([line, count]) => (after.get(line) ?? 0) < count).map(([line]) => line);
  expect(lost, `${relative} (${mode}): comment lines lost`).toEqual([]);

  const before = lineEndingKind(input);
  if (before === 'lf' || before === 'crlf') {
    expect(lineEndingKind(output), `${relative} (${mode}): line endings changed`).toBe(before);
  }
  expect(output.startsWith('\uFEFF'), `${relative} (${mode}): byte order mark changed`).toBe(input.startsWith('\uFEFF'));
  expect(input.endsWith('\n') ? output.endsWith('\n') : true, `${relative} (${mode}): final line break lost`).toBe(true);

  tally[mode].changedFiles++;
}

describe.each(files)('%s', (relative) => {
  test('decodes as a Dockerfile', () => {
    expect(() => textOf(relative)).not.toThrow();
  });

  test('lints with every rule without crashing', () => {
    const result = lint(textOf(relative), { config: ALL, filePath: relative });
    for (const d of result.diagnostics) {
      expect(d.line, `${relative}: ${d.ruleId} reported a bad range`).toBeGreaterThanOrEqual(1);
      expect(d.range.end, `${relative}: ${d.ruleId} reported a range that ends before it starts`).toBeGreaterThanOrEqual(d.range.start);
    }
  });

  test('safe fixes keep the file valid and are idempotent', () => {
    checkFix(relative, false);
  });

  test('unsafe fixes keep the file valid and are idempotent', () => {
    checkFix(relative, true);
  });
});

// Guards against a suite that passes because nothing ran (an empty registry, rules that never fire).
describe('the corpus as a whole', () => {
  test('holds hundreds of files', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  // Defined last, so it runs after every per-file test above (vitest runs a file's tests in order).
  test('exercises the fixer', () => {
    expect(rules.length, 'no built-in rules are registered').toBeGreaterThan(0);
    expect(tally.safe.changedFiles, 'no corpus file was changed by a safe fix').toBeGreaterThan(0);
    expect(tally.unsafe.changedFiles, 'no corpus file was changed by an unsafe fix').toBeGreaterThan(0);
  });
});
