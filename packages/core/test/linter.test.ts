import { describe, expect, it } from 'vitest';
import { ConfigError, createLinter, defineRule, type Rule } from '@dockfix/core';

const docs = { rationale: 'test', invalid: [], valid: [] };

/** Reports every `RUN echo` and replaces `echo` with `printf`. */
const echoRule = defineRule({
  meta: { id: 'no-echo', category: 'test', severity: 'warning', description: 'no echo', fix: 'safe', sources: [{ tool: 'hadolint', rule: 'DL9999', kind: 'same' }], docs },
  create(ctx) {
    return {
      RUN(run) {
        for (const command of run.run.script?.commands ?? []) {
          if (command.name === 'echo') ctx.report({ node: command.nameWord, message: 'echo', fix: { title: 'use printf', edits: [ctx.fix.replace(command.nameWord, 'printf')] } });
        }
      },
    };
  },
});

/** An opt-in rule with an unsafe fix that upper-cases `from`. */
const upperRule = defineRule({
  meta: { id: 'upper-from', category: 'style', severity: 'info', description: 'upper', fix: 'unsafe', optIn: true, docs },
  create(ctx) {
    return {
      FROM(from) {
        const keyword = ctx.source.slice(from.keywordRange);
        if (keyword !== 'FROM') ctx.report({ node: from.keywordRange, message: 'case', fix: { title: 'upper', edits: [ctx.fix.replace(from.keywordRange, 'FROM')] } });
      },
    };
  },
});

function rule(id: string, create: Rule['create'], fix: 'safe' | 'unsafe' | 'none' = 'safe'): Rule {
  return defineRule({ meta: { id, category: 'test', severity: 'warning', description: id, fix, docs }, create });
}

describe('lint', () => {
  const linter = createLinter({ rules: [echoRule, upperRule] });

  it('reports with full 1-based ranges and aliases', () => {
    const result = linter.lint('FROM a\nRUN echo hi\n');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'no-echo', aliases: ['DL9999'], line: 2, column: 5, endLine: 2, endColumn: 9, severity: 'warning' });
    expect(result).toMatchObject({ warningCount: 1, errorCount: 0, fixableCount: 1, fatal: false });
  });

  it('keeps opt-in rules off unless selected', () => {
    expect(linter.lint('from a\n').diagnostics).toEqual([]);
    expect(linter.lint('from a\n', { config: { select: ['ALL'] } }).diagnostics.map((d) => d.ruleId)).toEqual(['upper-from']);
    expect(linter.lint('from a\n', { config: { rules: { 'upper-from': 'error' } } }).diagnostics[0]?.severity).toBe('error');
  });

  it('selects and ignores by id, alias or category', () => {
    const text = 'from a\nRUN echo\n';
    expect(linter.lint(text, { config: { select: ['DL9999'] } }).diagnostics.map((d) => d.ruleId)).toEqual(['no-echo']);
    expect(linter.lint(text, { config: { select: ['style'] } }).diagnostics.map((d) => d.ruleId)).toEqual(['upper-from']);
    expect(linter.lint(text, { config: { ignore: ['dl9999'] } }).diagnostics).toEqual([]);
    expect(linter.lint(text, { config: { rules: { 'no-echo': 'off' } } }).diagnostics).toEqual([]);
  });

  it('rejects unknown rules with a suggestion', () => {
    expect(() => linter.lint('FROM a\n', { config: { select: ['no-ecco'] } })).toThrow(ConfigError);
    expect(() => linter.lint('FROM a\n', { config: { select: ['no-ecco'] } })).toThrow(/did you mean "no-echo"/);
    expect(() => linter.lint('FROM a\n', { config: { rules: { 'no-echo': 'loud' as 'error' } } })).toThrow(/severity/);
  });

  it('honours dockfix-ignore and hadolint ignore pragmas for the next instruction only', () => {
    const text = 'FROM a\n# dockfix-ignore no-echo\nRUN echo 1\n# hadolint ignore=DL9999 # reason\n\nRUN echo 2\n# dockfix-ignore other-rule\nRUN echo 3\nRUN echo 4\n';
    expect(linter.lint(text).diagnostics.map((d) => d.line)).toEqual([8, 9]);
  });

  it('honours whole-file pragmas', () => {
    expect(linter.lint('# hadolint global ignore=DL9999\nFROM a\nRUN echo\n').diagnostics).toEqual([]);
    expect(linter.lint('# dockfix-ignore-file\nFROM a\nRUN echo\n').diagnostics).toEqual([]);
  });

  it('returns only a fatal diagnostic for unbuildable text', () => {
    for (const text of ['', '   \n', 'FROM a\nBOGUS x\n', 'FROM a\n\0\0']) {
      const result = linter.lint(text);
      expect(result.fatal).toBe(true);
      expect(result.diagnostics.every((d) => d.fatal && d.ruleId === 'syntax')).toBe(true);
    }
  });

  it('calls handlers in rule order per keyword, ONBUILD triggers and exits included, also from a visitor with a prototype', () => {
    const calls: string[] = [];
    class Methods {
      RUN(run: { onbuild?: unknown }): void {
        calls.push(`methods RUN${run.onbuild ? ' (trigger)' : ''}`);
      }
      'Stage:exit'(): void {
        calls.push('methods Stage:exit');
      }
    }
    const linter = createLinter({
      rules: [
        rule('first', () => ({ RUN: () => calls.push('first RUN'), 'Dockerfile:exit': () => calls.push('first Dockerfile:exit'), NOTAKEYWORD: () => calls.push('never') }) as never),
        rule('methods', () => new Methods() as never),
        rule('last', () => ({ 'Stage:exit': () => calls.push('last Stage:exit'), FROM: () => calls.push('last FROM'), RUN: undefined })),
      ],
    });
    linter.lint('FROM a\nRUN true\nONBUILD RUN make\n');
    expect(calls).toEqual([
      'last FROM',
      'first RUN',
      'methods RUN',
      'first RUN',
      'methods RUN (trigger)',
      'methods Stage:exit',
      'last Stage:exit',
      'first Dockerfile:exit',
    ]);
  });

  it('names the rule when a rule crashes', () => {
    const crashing = createLinter({ rules: [rule('boom', () => ({ FROM: () => { throw new Error('bad'); } }))] });
    expect(() => crashing.lint('FROM a\n', { filePath: 'x/Dockerfile' })).toThrow(/rule "boom" crashed on x\/Dockerfile: bad/);
  });

  it('refuses a fix safer than the rule declares', () => {
    const liar = createLinter({
      rules: [rule('liar', (ctx) => ({ FROM: (f) => ctx.report({ node: f, message: 'm', fix: { title: 't', edits: [], safety: 'safe' } }) }), 'unsafe')],
    });
    expect(() => liar.lint('FROM a\n')).toThrow(/declares fix: 'unsafe'/);
  });
});

describe('fix', () => {
  const linter = createLinter({ rules: [echoRule, upperRule] });

  it('applies safe fixes, keeps unsafe ones for --unsafe, and produces a diff', () => {
    const text = 'from a\r\nRUN echo a && echo b\r\n';
    const safe = linter.fix(text, { config: { select: ['ALL'] } });
    expect(safe.output).toBe('from a\r\nRUN printf a && printf b\r\n');
    expect(safe.applied.map((a) => a.ruleId)).toEqual(['no-echo', 'no-echo']);
    expect(safe.unsafeFixable).toBe(1);
    expect(safe.diff).toContain('-RUN echo a && echo b');
    expect(safe.diff).toContain('+++ b/Dockerfile');
    const unsafe = linter.fix(text, { unsafe: true, config: { select: ['ALL'] } });
    expect(unsafe.output).toBe('FROM a\r\nRUN printf a && printf b\r\n');
    expect(unsafe.remaining).toEqual([]);
  });

  it('returns the input untouched, and an empty diff, when nothing applies', () => {
    const text = '\uFEFFFROM a\nRUN true\n';
    const result = linter.fix(text);
    expect(result).toMatchObject({ output: text, changed: false, diff: '', passes: 0 });
  });

  it('never touches a fatal file', () => {
    const result = linter.fix('FROM a\nRUN echo\nBOGUS\n');
    expect(result.fatal).toBe(true);
    expect(result.output).toBe('FROM a\nRUN echo\nBOGUS\n');
  });

  it('defers overlapping fixes to the next pass', () => {
    const wrap = rule('wrap', (ctx) => ({
      RUN: (run) => {
        const body = run.run.body!;
        if (!ctx.source.slice(body).startsWith('(')) ctx.report({ node: body, message: 'wrap', fix: { title: 'wrap', edits: [ctx.fix.replace(body, `(${ctx.source.slice(body)})`)] } });
      },
    }));
    const both = createLinter({ rules: [echoRule, wrap] });
    const result = both.fix('FROM a\nRUN echo hi\n');
    expect(result.output).toBe('FROM a\nRUN (printf hi)\n');
    expect(result.passes).toBe(2);
  });

  it('stops on a cycle of fixes that undo each other', () => {
    const flip = rule('flip', (ctx) => ({
      RUN: (run) => {
        const body = run.run.body!;
        const next = ctx.source.slice(body) === 'true' ? 'false' : 'true';
        ctx.report({ node: body, message: 'flip', fix: { title: 'flip', edits: [ctx.fix.replace(body, next)] } });
      },
    }));
    const result = createLinter({ rules: [flip] }).fix('FROM a\nRUN true\n');
    expect(result.passes).toBeLessThanOrEqual(2);
    expect(result.reverted.some((r) => /cycle/.test(r.reason))).toBe(true);
  });

  it('reverts a fix that breaks parsing, loses an instruction or drops a comment, and keeps the good ones', () => {
    const breaker = rule('breaker', (ctx) => ({
      FROM: (from) => ctx.report({ node: from, message: 'break', fix: { title: 'break', edits: [ctx.fix.replace(from.keywordRange, 'FORM')] } }),
    }));
    const eater = rule('eater', (ctx) => ({
      'Dockerfile:exit': () => {
        const comment = ctx.model.comments[0];
        if (comment) ctx.report({ node: comment.range, message: 'eat', fix: { title: 'eat', edits: [ctx.fix.remove(comment.range)] } });
      },
    }));
    const result = createLinter({ rules: [breaker, eater, echoRule] }).fix('FROM a\n# keep me\nRUN echo\n');
    expect(result.output).toBe('FROM a\n# keep me\nRUN printf\n');
    expect(result.reverted.flatMap((r) => r.ruleIds).sort()).toEqual(['breaker', 'eater']);
  });

  it('reverts a fix that mixes line endings or changes the byte order mark', () => {
    const crlf = rule('crlf', (ctx) => ({
      RUN: (run) => ctx.report({ node: run, message: 'crlf', fix: { title: 'crlf', edits: [ctx.fix.insertAfter(run, ' \\\r\n  && true')] } }),
    }));
    const unbom = rule('unbom', (ctx) => ({
      FROM: () => {
        if (ctx.source.hasBom) ctx.report({ node: { start: 0, end: 1 }, message: 'bom', fix: { title: 'bom', edits: [ctx.fix.remove({ start: 0, end: 1 })] } });
      },
    }));
    const mixed = createLinter({ rules: [crlf] }).fix('FROM a\nRUN x\n');
    expect(mixed.output).toBe('FROM a\nRUN x\n');
    expect(mixed.reverted.map((r) => r.reason)).toEqual(['a fix mixed line endings']);
    const bom = createLinter({ rules: [unbom] }).fix('\uFEFFFROM a\n');
    expect(bom.output).toBe('\uFEFFFROM a\n');
    expect(bom.reverted.map((r) => r.reason)).toEqual(['a fix changed the byte order mark']);
  });

  it('checks each pass against the text the pass before it wrote', () => {
    // Pass 1 adds a comment (nothing is lost); pass 2 would remove it again, which must count as losing one.
    const annotate = rule('annotate', (ctx) => ({
      RUN: (run) => {
        if (ctx.model.comments.length === 0) ctx.report({ node: run, message: 'note', fix: { title: 'note', edits: [ctx.fix.insertBefore(run, '# note\n')] } });
      },
    }));
    const eater = rule('eater', (ctx) => ({
      'Dockerfile:exit': () => {
        const comment = ctx.model.comments[0];
        if (comment) ctx.report({ node: comment.range, message: 'eat', fix: { title: 'eat', edits: [ctx.fix.removeLines(comment.range)] } });
      },
    }));
    const result = createLinter({ rules: [annotate, eater] }).fix('FROM a\nRUN x\n');
    expect(result.output).toBe('FROM a\n# note\nRUN x\n');
    expect(result.applied.map((a) => a.ruleId)).toEqual(['annotate']);
    expect(result.reverted).toEqual([{ ruleIds: ['eater'], reason: 'a fix removed the comment "# note"' }]);
  });

  it('checks the declared instruction count of a fix', () => {
    const dropper = rule('dropper', (ctx) => ({
      RUN: (run) => ctx.report({ node: run, message: 'drop', fix: { title: 'drop', edits: [ctx.fix.removeLines(run)] } }),
    }));
    const honest = rule('honest', (ctx) => ({
      RUN: (run) => ctx.report({ node: run, message: 'drop', fix: { title: 'drop', edits: [ctx.fix.removeLines(run)], instructionDelta: -1 } }),
    }));
    expect(createLinter({ rules: [dropper] }).fix('FROM a\nRUN x\n').output).toBe('FROM a\nRUN x\n');
    expect(createLinter({ rules: [honest] }).fix('FROM a\nRUN x\n').output).toBe('FROM a\n');
  });

  it('stops after at most 10 passes', () => {
    const grow = rule('grow', (ctx) => ({
      RUN: (run) => ctx.report({ node: run, message: 'grow', fix: { title: 'grow', edits: [ctx.fix.insertAfter(run, ' x')] } }),
    }));
    const result = createLinter({ rules: [grow] }).fix('FROM a\nRUN x\n');
    expect(result.passes).toBe(10);
    expect(result.output).toBe(`FROM a\nRUN x${' x'.repeat(10)}\n`);
  });
});

describe('TakenEdits (the fixer\'s conflict check)', () => {
  it('agrees with comparing against every taken edit, on 20,000 random edits', async () => {
    const { TakenEdits, editsConflict } = await import('../src/fix.js');
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const taken = new TakenEdits();
      const all: { start: number; end: number; text: string }[] = [];
      for (let i = 0; i < 100; i++) {
        const start = next(200);
        const edit = { start, end: next(3) === 0 ? start : start + 1 + next(6), text: '' };
        const brute = all.some((other) => editsConflict(other, edit));
        expect(taken.conflicts(edit), JSON.stringify({ edit, all })).toBe(brute);
        if (!brute) {
          taken.add(edit);
          all.push(edit);
        }
      }
    }
  });
});
