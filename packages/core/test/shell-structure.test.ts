import { describe, expect, it } from 'vitest';
import { buildModel, Source, type ShellScript } from '@dockfix/core';

// The structural facts rules use to rewrite shell code safely: statements and their operators,
// comments, shell-level definitions, subshells, redirections and what follows a command.
function parse(body: string): { text: string; script: ShellScript } {
  const text = `FROM a\nRUN ${body}\n`;
  const run = buildModel(new Source(text)).instructions.find((i) => i.keyword === 'RUN');
  if (!run?.run?.script) throw new Error('no script');
  return { text, script: run.run.script };
}

const slice = (text: string, range: { start: number; end: number }) => text.slice(range.start, range.end);

describe('shell structure', () => {
  it('lists top-level statements with their && / || operators and terminators', () => {
    const { text, script } = parse('set -eux; a && b || c; d | e & f');
    expect(script.statementCount).toBe(4);
    expect(script.statements.map((s) => [s.type, slice(text, s.range), s.operators, s.terminator?.text ?? null])).toEqual([
      ['command', 'set -eux', [], ';'],
      ['list', 'a && b || c', ['&&', '||'], ';'],
      ['pipeline', 'd | e', [], '&'],
      ['command', 'f', [], null],
    ]);
  });

  it('sees the operators of a list that tree-sitter-bash wraps in a redirection', () => {
    expect(parse('a || b > /dev/null').script.statements[0]?.operators).toEqual(['||']);
    expect(parse('a && b 2>&1 | tee log').script.statements[0]?.operators).toEqual(['&&']);
  });

  it('lists shell comments but not Dockerfile comment lines inside a continuation', () => {
    const { text, script } = parse('a \\\n  # dockerfile comment\n  && b # shell comment');
    expect(script.comments.map((c) => slice(text, c))).toEqual(['# shell comment']);
  });

  it('lists declaration builtins and unset as commands', () => {
    const { script } = parse('export A=1 B && readonly C && local d && unset E');
    expect(script.commands.map((c) => [c.name, c.args.map((a) => a.text)])).toEqual([
      ['export', ['A=1', 'B']],
      ['readonly', ['C']],
      ['local', ['d']],
      ['unset', ['E']],
    ]);
  });

  it('lists variables, functions and loop variables defined outside simple commands', () => {
    const { script } = parse('A=1; B=2 C=3; f() { :; }; for i in 1; do :; done; (D=4); E=5 cmd');
    expect(script.definitions.map((d) => [d.kind, d.name, d.inSubshell])).toEqual([
      ['variable', 'A', false],
      ['variable', 'B', false],
      ['variable', 'C', false],
      ['function', 'f', false],
      ['loop-variable', 'i', false],
      ['variable', 'D', true],
    ]);
  });

  it('marks commands in subshells and command substitutions', () => {
    const { script } = parse('(cd a); echo $(cd b) `cd c`; cd d');
    expect(script.commands.filter((c) => c.name === 'cd').map((c) => [c.args[0]?.value, c.inSubshell])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
      ['d', false],
    ]);
  });

  it('extends a command over its redirections, also where tree-sitter-bash redirects the whole list', () => {
    const { text, script } = parse('npm ci > log 2>&1; a && npm i 2>&1 && b; c && npm ci >/dev/null');
    const npm = script.commands.filter((c) => c.name === 'npm');
    expect(npm.map((c) => slice(text, c.statementRange))).toEqual(['npm ci > log 2>&1', 'npm i 2>&1', 'npm ci >/dev/null']);
    expect(npm.map((c) => slice(text, c.range))).toEqual(['npm ci', 'npm i', 'npm ci']);
  });

  it('knows whether a command feeds a pipe, also behind a redirection', () => {
    const { script } = parse('a 2>&1 | tee x; b && c 2>&1 | tee y; d');
    expect(script.commands.map((c) => [c.name, c.inPipeline])).toEqual([
      ['a', true],
      ['tee', true],
      ['b', false],
      ['c', true],
      ['tee', true],
      ['d', false],
    ]);
  });

  it('tells which && or || follows a command in its list', () => {
    const { script } = parse('a && b > x || c; d; (e && f) || g');
    expect(script.commands.map((c) => [c.name, c.followedBy])).toEqual([
      ['a', '&&'],
      ['b', '||'],
      ['c', null],
      ['d', null],
      ['e', '&&'],
      ['f', null],
      ['g', null],
    ]);
  });
});
