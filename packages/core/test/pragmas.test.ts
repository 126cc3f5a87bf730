// Pragmas (packages/core/src/suppress.ts and the engine): the colon form, plugin ids, unknown and
// unused names, hadolint's disable-ignore-pragma, and fixes that must not touch what a pragma guards.
import { describe, expect, it } from 'vitest';
import { createLinter, defineRule, UNKNOWN_PRAGMA_RULE, UNUSED_PRAGMA_RULE } from '@dockfix/core';
import { fix, lint, rules } from 'dockfix';

const docs = { rationale: 'test', invalid: [], valid: [] };
const pragmaRules = rules.filter((rule) => rule.meta.id === UNKNOWN_PRAGMA_RULE || rule.meta.id === UNUSED_PRAGMA_RULE);

/** Reports every `RUN echo`; a plugin-style id with a namespace. */
const pluginRule = defineRule({
  meta: { id: 'acme/no-echo', category: 'acme', severity: 'warning', description: 'no echo', fix: 'none', docs },
  create(ctx) {
    return {
      RUN(run) {
        for (const command of run.run.script?.commands ?? []) if (command.name === 'echo') ctx.report({ node: command.nameWord, message: 'echo' });
      },
    };
  },
});
const npmCi = rules.find((rule) => rule.meta.id === 'npm-ci');
const mergeRun = rules.find((rule) => rule.meta.id === 'merge-run');
if (!npmCi || !mergeRun) throw new Error('npm-ci and merge-run are built-in rules');

describe('pragma syntax', () => {
  it('accepts `# dockfix-ignore: rule` (the colon habit of `# noqa:`) and silences only that rule', () => {
    const linter = createLinter({ rules: [npmCi, pluginRule] });
    const text = 'FROM node:22-slim\n# dockfix-ignore: npm-ci\nRUN npm install && echo done\n';
    // Before the fix, the colon made this a bare `# dockfix-ignore`, which silenced acme/no-echo too.
    expect(linter.lint(text).diagnostics.map((d) => d.ruleId)).toEqual(['acme/no-echo']);
    expect(linter.lint(text.replace('dockfix-ignore:', 'dockfix-ignore-file:')).diagnostics.map((d) => d.ruleId)).toEqual(['acme/no-echo']);
  });

  it('suppresses plugin ids with a namespace', () => {
    const linter = createLinter({ rules: [pluginRule] });
    expect(linter.lint('FROM a\n# dockfix-ignore acme/no-echo\nRUN echo 1\nRUN echo 2\n').diagnostics.map((d) => d.line)).toEqual([4]);
    expect(linter.lint('FROM a\n# hadolint ignore=acme/no-echo\nRUN echo 1\n').diagnostics).toEqual([]);
  });

  it('disableIgnorePragma turns every pragma off, as hadolint does', () => {
    const linter = createLinter({ rules: [pluginRule] });
    const text = '# hadolint global ignore=acme/no-echo\nFROM a\n# dockfix-ignore\nRUN echo 1\n';
    expect(linter.lint(text).diagnostics).toEqual([]);
    expect(linter.lint(text, { config: { disableIgnorePragma: true } }).diagnostics.map((d) => d.line)).toEqual([4]);
  });
});

describe('unknown and unused names', () => {
  const linter = createLinter({ rules: [npmCi, pluginRule, ...pragmaRules] });

  it('reports an unknown name on the name itself, with a suggestion', () => {
    const text = 'FROM node:22-slim\n# dockfix-ignore: npm-cl\nRUN npm install\n';
    const result = linter.lint(text);
    const unknown = result.diagnostics.find((d) => d.ruleId === UNKNOWN_PRAGMA_RULE);
    expect(unknown?.message).toBe('Unknown rule "npm-cl" in a pragma; did you mean "npm-ci"?');
    expect([unknown?.line, unknown?.column, unknown?.endColumn]).toEqual([2, 19, 25]);
    // The misspelt pragma silences nothing.
    expect(result.diagnostics.some((d) => d.ruleId === 'npm-ci')).toBe(true);
  });

  it('leaves hadolint and ShellCheck codes dockfix does not implement alone', () => {
    const result = linter.lint('FROM node:22-slim\n# hadolint ignore=SC2086,DL3999\nRUN npm ci\n', { config: { extendSelect: [UNUSED_PRAGMA_RULE] } });
    expect(result.diagnostics.filter((d) => d.ruleId.includes('pragma'))).toEqual([]);
  });

  it('reports unused names only when asked (opt-in), per name, and a bare pragma that silenced nothing', () => {
    const text = 'FROM node:22-slim\n# dockfix-ignore npm-ci, acme/no-echo\nRUN npm install\n# dockfix-ignore\nRUN true\n';
    expect(linter.lint(text).diagnostics).toEqual([]);
    const reported = linter.lint(text, { config: { extendSelect: [UNUSED_PRAGMA_RULE] } }).diagnostics;
    expect(reported.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      [UNUSED_PRAGMA_RULE, 2, 'Unused pragma: "acme/no-echo" reported nothing here; remove it'],
      [UNUSED_PRAGMA_RULE, 4, 'This pragma silences no problem; remove it'],
    ]);
    const disabled = linter.lint(text, { config: { extendSelect: [UNUSED_PRAGMA_RULE], ignore: ['acme/no-echo'] } }).diagnostics;
    expect(disabled[0]?.message).toBe('Unused pragma: "acme/no-echo" is not enabled; remove it');
  });

  it('counts an alias as the rule it names', () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL3014\nRUN apt-get install curl\n';
    const config = { select: ['apt-get-yes', UNUSED_PRAGMA_RULE] };
    expect(lint(text, { config }).diagnostics).toEqual([]);
    // Above the FROM the pragma silences nothing: apt-get-yes reports the RUN.
    const moved = lint('# hadolint ignore=DL3014\nFROM debian:12\nRUN apt-get install curl\n', { config }).diagnostics;
    expect(moved.map((d) => d.ruleId)).toEqual([UNUSED_PRAGMA_RULE, 'apt-get-yes']);
  });
});

describe('fixes respect suppressions', () => {
  const guarded = 'FROM node:22-slim\n# hadolint ignore=DL3059\nRUN npm ci\nRUN npm test\n';

  it('merge-run does not merge a RUN into one that `# hadolint ignore=DL3059` guards', () => {
    const config = { select: ['merge-run'] };
    const unguarded = fix(guarded.replace('# hadolint ignore=DL3059\n', ''), { config, unsafe: true });
    expect(unguarded.changed).toBe(true);
    const result = fix(guarded, { config, unsafe: true });
    expect(result.output).toBe(guarded);
    // The problem is still reported (on the unguarded RUN), only without a fix.
    expect(lint(guarded, { config }).diagnostics.map((d) => [d.ruleId, d.line, d.fix === undefined])).toEqual([['merge-run', 4, true]]);
  });

  it('a pragma for another rule does not withhold the fix', () => {
    const text = guarded.replace('DL3059', 'npm-ci');
    expect(fix(text, { config: { select: ['merge-run'] }, unsafe: true }).changed).toBe(true);
  });
});
