import { describe, expect, it } from 'vitest';
import { buildModel, createLinter, defineRule, findStage, Source, type Instruction, type Rule } from '@dockfix/core';

const model = (text: string) => buildModel(new Source(text));
const docs = { rationale: 'test', invalid: [], valid: [] };

describe('fragments (no FROM)', () => {
  it('puts instructions before any FROM into an implicit stage without a FROM', () => {
    const m = model('ARG V=1\nRUN apt-get install foo\nUSER root\n');
    expect(m.stages).toHaveLength(1);
    const [implicit] = m.stages;
    expect(implicit?.from).toBeNull();
    expect(implicit?.isFinal).toBe(true);
    expect(implicit?.instructions.map((i) => i.keyword)).toEqual(['RUN', 'USER']);
    expect(implicit?.user?.name).toBe('root');
    // The ARGs that open the file stay global, as before a FROM.
    expect(m.instructions[0]?.stage).toBeNull();
    expect(m.globalArgs.get('V')).toBe('1');
    expect(m.instructions[1]?.run?.script?.commands.map((c) => c.name)).toEqual(['apt-get']);
  });

  it('keeps BuildKit stage numbers when lines come before the first FROM', () => {
    const m = model('LABEL a=b\nFROM alpine AS one\nFROM alpine\nCOPY --from=0 /x /x\n');
    expect(m.stages.map((s) => [s.index, s.name, s.from?.keyword ?? null])).toEqual([
      [0, null, null],
      [1, 'one', 'FROM'],
      [2, null, 'FROM'],
    ]);
    expect(findStage(m.stages, '0')).toBe(m.stages[1]);
    expect(m.stages[2]?.copiesFrom).toEqual([m.stages[1]]);
  });
});

describe('ONBUILD triggers', () => {
  const text = 'FROM debian\nONBUILD RUN --mount=type=cache,target=/var/cache/apt apt-get install \\\n  curl\nonbuild copy ["a", "b"]\nONBUILD RUN <<EOF\necho hi\nEOF\n';

  it('exposes the trigger as an instruction of its own, with ranges on the inner text', () => {
    const m = model(text);
    const [, onbuild, copyOnbuild, heredocOnbuild] = m.instructions;
    const trigger = onbuild?.trigger as Instruction;
    expect(trigger.keyword).toBe('RUN');
    expect(trigger.onbuild).toBe(onbuild);
    expect(trigger.stage).toBe(m.stages[0]);
    expect(m.source.slice(trigger.keywordRange)).toBe('RUN');
    expect(m.source.slice(trigger.range)).toBe('RUN --mount=type=cache,target=/var/cache/apt apt-get install \\\n  curl');
    expect(trigger.flags.map((f) => [f.name, f.value])).toEqual([['mount', 'type=cache,target=/var/cache/apt']]);
    const install = trigger.run?.script?.commands[0];
    expect(install?.name).toBe('apt-get');
    expect(m.source.slice(install!.args[1]!.range)).toBe('curl');
    expect(copyOnbuild?.trigger?.keyword).toBe('COPY');
    expect(copyOnbuild?.trigger?.json).toEqual(['a', 'b']);
    expect(heredocOnbuild?.trigger?.run?.form).toBe('heredoc');
    // The same body as a plain `RUN <<EOF` gets.
    expect(m.source.slice(heredocOnbuild!.trigger!.run!.body!)).toBe('echo hi');
  });

  it('keeps triggers out of the stage and the instruction list, and lists them apart', () => {
    const m = model(text);
    expect(m.instructions.map((i) => i.keyword)).toEqual(['FROM', 'ONBUILD', 'ONBUILD', 'ONBUILD']);
    expect(m.stages[0]?.instructions.map((i) => i.keyword)).toEqual(['FROM', 'ONBUILD', 'ONBUILD', 'ONBUILD']);
    expect(m.triggers.map((i) => i.keyword)).toEqual(['RUN', 'COPY', 'RUN']);
    expect(m.stages[0]?.triggers).toEqual(m.triggers);
    expect(m.instructions[0]?.trigger).toBeUndefined();
  });

  it('gives a trigger RUN the shell of the stage at its end, or of an ONBUILD SHELL before it', () => {
    const m = model('FROM a\nONBUILD RUN x\nSHELL ["/bin/bash", "-c"]\nONBUILD SHELL ["pwsh", "-c"]\nONBUILD RUN Get-Item\n');
    const [first, , second] = m.triggers;
    expect(first?.run?.shell).toEqual(['/bin/bash', '-c']);
    expect(second?.run?.shell).toEqual(['pwsh', '-c']);
    expect(second?.run?.script).toBeNull();
  });

  const seen: string[] = [];
  const recorder: Rule = defineRule({
    meta: { id: 'record', category: 'test', severity: 'warning', description: 'records', fix: 'safe', docs },
    create(ctx) {
      const note = (i: Instruction) => seen.push(`${i.keyword}${i.onbuild ? '(trigger)' : ''}`);
      return {
        ONBUILD: note,
        FROM: note,
        MAINTAINER: note,
        COPY: note,
        RUN(run) {
          note(run);
          for (const command of run.run.script?.commands ?? []) {
            if (command.name === 'echo') ctx.report({ node: command.nameWord, message: 'echo', fix: { title: 'printf', edits: [ctx.fix.replace(command.nameWord, 'printf')] } });
          }
        },
      };
    },
  });

  it('visits a trigger under its own keyword, right after its ONBUILD, and never FROM/ONBUILD/MAINTAINER triggers', () => {
    seen.length = 0;
    createLinter({ rules: [recorder] }).lint('FROM a\nONBUILD RUN make\nONBUILD COPY . /app\nONBUILD FROM b\nONBUILD ONBUILD RUN x\nONBUILD MAINTAINER me\nRUN ls\n');
    expect(seen).toEqual(['FROM', 'ONBUILD', 'RUN(trigger)', 'ONBUILD', 'COPY(trigger)', 'ONBUILD', 'ONBUILD', 'ONBUILD', 'RUN']);
  });

  it('reports on the inner instruction and fixes at the right offsets', () => {
    const linter = createLinter({ rules: [recorder] });
    const input = 'FROM a\nONBUILD   RUN echo a && \\\n    echo b\n';
    const result = linter.lint(input);
    expect(result.diagnostics.map((d) => [d.line, d.column, d.endColumn])).toEqual([
      [2, 15, 19],
      [3, 5, 9],
    ]);
    expect(linter.fix(input).output).toBe('FROM a\nONBUILD   RUN printf a && \\\n    printf b\n');
  });

  it('silences a trigger with a pragma above its ONBUILD', () => {
    const linter = createLinter({ rules: [recorder] });
    expect(linter.lint('FROM a\n# dockfix-ignore record\nONBUILD RUN echo\n').diagnostics).toEqual([]);
  });
});

describe('lint and fix on a fragment', () => {
  const echo: Rule = defineRule({
    meta: { id: 'no-echo', category: 'test', severity: 'warning', description: 'no echo', fix: 'safe', docs },
    create(ctx) {
      return {
        RUN(run) {
          for (const command of run.run.script?.commands ?? []) {
            if (command.name === 'echo') ctx.report({ node: command.nameWord, message: 'echo', fix: { title: 'printf', edits: [ctx.fix.replace(command.nameWord, 'printf')] } });
          }
        },
      };
    },
  });

  it('runs every rule and is not fatal', () => {
    const result = createLinter({ rules: [echo] }).lint('RUN echo hi\n');
    expect(result.fatal).toBe(false);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['no-echo']);
  });

  it('fixes a fragment like any file', () => {
    const result = createLinter({ rules: [echo] }).fix('RUN echo hi\nONBUILD RUN echo there\n');
    expect(result.fatal).toBe(false);
    expect(result.output).toBe('RUN printf hi\nONBUILD RUN printf there\n');
  });
});

describe('# hadolint shell= pragma', () => {
  it('sets the shell of the RUNs after it, up to the next FROM, and a SHELL overrides it', () => {
    const m = model('FROM a\n# hadolint shell=powershell\nRUN Get-Item x | y\nFROM b\nRUN x | y\n');
    const runs = m.instructions.filter((i) => i.keyword === 'RUN');
    expect(runs[0]?.run?.shell).toEqual(['powershell']);
    expect(runs[0]?.run?.script).toBeNull();
    expect(runs[1]?.run?.shell).toEqual(['/bin/sh', '-c']);
    expect(runs[1]?.run?.script).not.toBeNull();
    const overridden = model('FROM a\n# hadolint shell=pwsh\nSHELL ["/bin/bash", "-c"]\nRUN x\n').instructions[2];
    expect(overridden?.run?.shell).toEqual(['/bin/bash', '-c']);
  });

  it('applies to the stage of the FROM right below it, and to the stages built on it', () => {
    const m = model('# hadolint shell=cmd\nFROM a AS base\nRUN dir\nFROM base\nRUN dir\n');
    const runs = m.instructions.filter((i) => i.keyword === 'RUN');
    expect(runs.map((r) => r.run?.shell)).toEqual([['cmd'], ['cmd']]);
  });

  it('keeps a POSIX shell parsed', () => {
    const run = model('FROM a\n# hadolint shell=/bin/bash\nRUN a | b\n').instructions[1];
    expect(run?.run?.shell).toEqual(['/bin/bash']);
    expect(run?.run?.script?.commands.map((c) => c.name)).toEqual(['a', 'b']);
  });
});

describe('parser directives', () => {
  it('reads them as BuildKit does: known names only, at the very top', () => {
    expect(new Source('# syntax=docker/dockerfile:1\n# check=skip=A\nFROM a\n').directives.map((d) => [d.name, d.value])).toEqual([
      ['syntax', 'docker/dockerfile:1'],
      ['check', 'skip=A'],
    ]);
    expect(new Source('# hadolint global ignore=DL3008\n# check=skip=A\nFROM a\n').directives).toEqual([]);
    expect(new Source('# syntax=x\n\n# check=skip=A\nFROM a\n').directives.map((d) => d.name)).toEqual(['syntax']);
    expect(new Source('FROM a\n# check=skip=A\n').directives).toEqual([]);
  });
});

describe('# check= directive', () => {
  const report = (id: string, buildkit: string | null, optIn = false): Rule =>
    defineRule({
      meta: {
        id,
        category: 'test',
        severity: 'warning',
        description: id,
        fix: 'none',
        optIn,
        ...(buildkit ? { sources: [{ tool: 'buildkit' as const, rule: buildkit, kind: 'same' as const }] } : {}),
        docs,
      },
      create: (ctx) => ({ RUN: (run) => ctx.report({ node: run.keywordRange, message: id }) }),
    });
  const linter = createLinter({
    rules: [report('kit-a', 'CheckA'), report('kit-b', 'CheckB'), report('own', null), report('experimental-c', 'CheckC', true), report('opt-in-own', null, true)],
  });
  const run = (directive: string, config = {}) =>
    linter.lint(`${directive}\nFROM a\nRUN x\n`, { config }).diagnostics.map((d) => `${d.ruleId}:${d.severity}`);

  it('skips BuildKit checks by name, case-insensitively, and leaves other rules alone', () => {
    expect(run('# check=skip=CheckA')).toEqual(['kit-b:warning', 'own:warning']);
    expect(run('# check=skip=checka,CheckB')).toEqual(['own:warning']);
    expect(run('# check=skip=all')).toEqual(['own:warning']);
  });

  it('reports BuildKit checks as errors with error=true', () => {
    expect(run('# check=error=true')).toEqual(['kit-a:error', 'kit-b:error', 'own:warning']);
    expect(run('#check = skip=CheckB;error=true')).toEqual(['kit-a:error', 'own:warning']);
  });

  it('turns on opt-in checks named by experimental=, and skip does not apply to them', () => {
    expect(run('# check=experimental=CheckC')).toEqual(['experimental-c:warning', 'kit-a:warning', 'kit-b:warning', 'own:warning']);
    expect(run('# check=skip=all;experimental=all')).toEqual(['experimental-c:warning', 'own:warning']);
    // The config still wins over the file.
    expect(run('# check=experimental=CheckC', { ignore: ['experimental-c'] })).toEqual(['kit-a:warning', 'kit-b:warning', 'own:warning']);
  });

  it('counts only as a real parser directive at the top, and keeps the value up to its first space', () => {
    // Below another comment it is no directive: BuildKit reads it as the FROM's own check comment, which only skips.
    expect(run('# a comment\n# check=error=true')).toEqual(['kit-a:warning', 'kit-b:warning', 'own:warning']);
    expect(run('# check=skip=CheckA # why')).toEqual(['kit-b:warning', 'own:warning']);
  });

  it('reads # check=skip= above an instruction as a skip for that instruction, or the stage above a FROM', () => {
    const lint = (text: string) => linter.lint(text).diagnostics.map((d) => `${d.ruleId}@${d.line}`);
    expect(lint('FROM a\n# check=skip=CheckA\nRUN x\nRUN y\n')).toEqual(['kit-b@3', 'own@3', 'kit-a@4', 'kit-b@4', 'own@4']);
    expect(lint('FROM a\n# check=skip=all\nRUN x\n')).toEqual(['own@3']);
    expect(lint('FROM b\n# check=skip=CheckB\nFROM a\nRUN x\nRUN y\n')).toEqual(['kit-a@4', 'own@4', 'kit-a@5', 'own@5']);
  });

  it('refuses a directive BuildKit refuses', () => {
    const result = linter.lint('# check=skip=A;bogus\nFROM a\nRUN x\n');
    expect(result.fatal).toBe(true);
    expect(result.diagnostics[0]?.message).toContain('invalid option "bogus"');
  });
});
