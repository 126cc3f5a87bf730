import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel, createLinter, Source, type Config, type Diagnostic } from '@dockfix/core';
import { afterAll, describe, expect, it } from 'vitest';
import { shellcheckProblem } from '../src/lib/shellcheck-process.js';
import { rules } from '../src/index.js';

const linter = createLinter({ rules });
const ON: Config = { select: ['shellcheck'] };
const scratch = mkdtempSync(join(tmpdir(), 'dockfix-sc-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** ShellCheck findings of `text`: code, 1-based start and end, the text they cover, severity. */
function findings(text: string, config: Config = ON): { code: string; at: string; text: string; severity: string }[] {
  return linter
    .lint(text, { config })
    .diagnostics.filter((d: Diagnostic) => d.ruleId === 'shellcheck')
    .map((d) => ({ code: d.aliases.at(-1) ?? '', at: `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`, text: text.slice(d.range.start, d.range.end), severity: d.severity }));
}
const codes = (text: string, config?: Config) => findings(text, config).map((f) => f.code);

describe('shellcheck binary', () => {
  it('is installed (the integration is tested for real: install it with `apt-get install shellcheck`)', () => {
    // No skip: without the binary every test below would pass vacuously, so this one fails instead.
    expect(shellcheckProblem()).toBeNull();
  });
});

describe('positions map back to the Dockerfile', () => {
  it('on a one-line RUN', () => {
    expect(findings('FROM debian:12\nRUN cd /app; make\n')).toEqual([{ code: 'SC2164', at: '2:5-2:12', text: 'cd /app', severity: 'warning' }]);
  });
  it('through line continuations, with indentation', () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n    && cd /app \\\n    && make\n';
    expect(findings(text)).toEqual([]);
    expect(findings('FROM debian:12\nRUN true \\\n    && cd /app; \\\n    make\n')).toEqual([{ code: 'SC2164', at: '3:8-3:15', text: 'cd /app', severity: 'warning' }]);
  });
  it('through comment lines and empty lines inside a continuation, which the frontend drops', () => {
    const text = 'FROM debian:12\nRUN true \\\n# a comment\n\n    && echo $foo\n';
    expect(findings(text).map((f) => [f.code, f.at, f.text])).toEqual([
      ['SC2154', '5:13-5:17', '$foo'],
      ['SC2086', '5:13-5:17', '$foo'],
    ]);
  });
  it('with blanks after the continuation backslash', () => {
    expect(findings('FROM debian:12\nRUN true \\  \n && cd /x; ls\n').map((f) => f.at)).toEqual(['3:5-3:10']);
  });
  it('with the backtick escape character, where backslashes belong to the shell', () => {
    const text = '# escape=`\nFROM debian:12\nRUN true `\n && cd /x; printf "a\\n"\n';
    expect(findings(text).map((f) => [f.code, f.at, f.text])).toEqual([['SC2164', '4:5-4:10', 'cd /x']]);
  });
  it('with CRLF line endings', () => {
    expect(findings('FROM debian:12\r\nRUN true \\\r\n && cd /x; ls\r\n').map((f) => [f.at, f.text])).toEqual([['3:5-3:10', 'cd /x']]);
  });
  it('after tabs and characters outside the BMP (ShellCheck counts code points, dockfix UTF-16 units)', () => {
    expect(findings('FROM debian:12\nRUN\techo "😀" && cd /x; ls\n').map((f) => [f.at, f.text])).toEqual([['2:18-2:23', 'cd /x']]);
  });
  it('in a heredoc RUN body', () => {
    const text = 'FROM debian:12\nRUN <<EOF\nset -u\ncd /app\necho $foo\nEOF\n';
    expect(findings(text).map((f) => [f.code, f.at, f.text])).toEqual([
      ['SC2164', '4:1-4:8', 'cd /app'],
      ['SC2154', '5:6-5:10', '$foo'],
      ['SC2086', '5:6-5:10', '$foo'],
    ]);
  });
  it('in a heredoc script with its own shebang, which keeps it first', () => {
    const text = 'FROM debian:12\nRUN <<EOF\n#!/bin/bash\nif [[ -e /a ]]; then cd /a; fi\necho "$x"\nEOF\n';
    expect(findings(text).map((f) => [f.code, f.at, f.text])).toEqual([
      ['SC2164', '4:22-4:27', 'cd /a'],
      ['SC2154', '5:7-5:9', '$x'],
    ]);
    expect(codes('FROM debian:12\nRUN <<EOF\n#!/usr/bin/python3\nimport os; print($x)\nEOF\n')).toEqual([]);
  });
  it('in a RUN with a command line and a heredoc, read as the shell reads it', () => {
    const text = 'FROM debian:12\nRUN cat <<EOF > $out\n$expanded\nEOF\n';
    expect(findings(text).map((f) => [f.code, f.at, f.text])).toEqual([
      ['SC2154', '2:17-2:21', '$out'],
      ['SC2086', '2:17-2:21', '$out'],
      ['SC2154', '3:1-3:10', '$expanded'],
    ]);
    expect(codes("FROM debian:12\nRUN cat <<'EOF' > /out\n$not_expanded\nEOF\n")).toEqual([]);
  });
  it('in an ONBUILD RUN, on the trigger text', () => {
    expect(findings('FROM debian:12\nONBUILD RUN cd /x; make\n').map((f) => [f.code, f.at])).toEqual([['SC2164', '2:13-2:18']]);
  });
  it('with RUN flags before the command', () => {
    expect(findings('FROM debian:12\nRUN --mount=type=cache,target=/root/.cache cd /x; ls\n').map((f) => f.at)).toEqual(['2:44-2:49']);
  });
});

describe('which RUNs are checked, and under which shell', () => {
  it('the stage SHELL picks the dialect', () => {
    expect(codes('FROM debian:12\nRUN [[ -e /x ]] && true\n')).toEqual(['SC3010']);
    expect(codes('FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN [[ -e /x ]] && true\n')).toEqual([]);
    expect(codes('FROM debian:12\nSHELL ["/bin/bash", "-c"]\nFROM debian:12\nRUN [[ -e /x ]] && true\n')).toEqual(['SC3010']);
  });
  it('a stage built on another keeps its SHELL', () => {
    expect(codes('FROM debian:12 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN [[ -e /x ]] && true\n')).toEqual([]);
  });
  it('the `# hadolint shell=` pragma sets the shell', () => {
    expect(codes('FROM debian:12\n# hadolint shell=bash\nRUN [[ -e /x ]] && true\n')).toEqual([]);
    expect(codes('FROM debian:12\n# hadolint shell=pwsh\nRUN cd /x; ls $foo\n')).toEqual([]);
  });
  it('skips PowerShell, cmd, shells ShellCheck cannot check, and exec form', () => {
    expect(codes('FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN cd /x; ls $foo\n')).toEqual([]);
    expect(codes('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN cd /x; ls $foo\n')).toEqual([]);
    expect(codes('FROM debian:12\nSHELL ["/bin/zsh", "-c"]\nRUN cd /x; ls $foo\n')).toEqual([]);
    expect(codes('FROM debian:12\nRUN ["sh", "-c", "cd /x; ls $foo"]\n')).toEqual([]);
  });
  it('ARG and ENV names before the RUN count as set; proxy variables always do', () => {
    expect(codes('FROM debian:12\nRUN echo "$foo"\n')).toEqual(['SC2154']);
    expect(codes('FROM debian:12\nARG foo\nENV bar=1 baz=2\nRUN echo "$foo $bar $baz $http_proxy $no_proxy"\n')).toEqual([]);
    expect(codes('FROM debian:12\nRUN echo "$foo"\nARG foo\n')).toEqual(['SC2154']);
    expect(codes('FROM debian:12 AS base\nARG foo\nFROM base\nRUN echo "$foo"\n')).toEqual([]);
    expect(codes('FROM debian:12\nONBUILD RUN echo "$foo"\nENV foo=1\n')).toEqual([]);
  });
  it('leaves out SC2187, SC1090 and SC1091, as hadolint does', () => {
    expect(codes('FROM alpine:3.20\nSHELL ["/bin/ash", "-c"]\nRUN . ./env.sh && . "$HOME/x"\n')).toEqual([]);
  });
  it("reports ShellCheck's levels", () => {
    const levels = Object.fromEntries(findings('FROM debian:12\nRUN echo `date` $foo; cd /x; if true; then\n').map((f) => [f.code, f.severity]));
    expect(levels).toMatchObject({ SC1073: 'error' });
    expect(Object.fromEntries(findings('FROM debian:12\nRUN echo `date` $foo; cd /x\n').map((f) => [f.code, f.severity]))).toEqual({
      SC2046: 'warning',
      SC2006: 'style',
      SC2154: 'warning',
      SC2086: 'info',
      SC2164: 'warning',
    });
  });
});

describe('SC codes are selectable, ignorable and suppressible', () => {
  const text = 'FROM debian:12\nRUN cd /x; echo $foo\n';
  it('is off by default and on with its id or a code', () => {
    expect(codes(text, {})).toEqual([]);
    expect(codes(text, { extendSelect: ['shellcheck'] })).toEqual(['SC2164', 'SC2154', 'SC2086']);
    expect(codes(text, { select: ['SC2086'] })).toEqual(['SC2086']);
    expect(codes(text, { extendSelect: ['sc2164'] })).toEqual(['SC2164']);
  });
  it('ignores codes one by one; the rule id silences all of them', () => {
    expect(codes(text, { select: ['shellcheck'], ignore: ['SC2086', 'SC2154'] })).toEqual(['SC2164']);
    expect(codes(text, { select: ['shellcheck'], rules: { SC2164: 'off' } })).toEqual(['SC2154', 'SC2086']);
    expect(codes(text, { select: ['SC2086'], ignore: ['shellcheck'] })).toEqual([]);
  });
  it('sets levels per code, or for the whole rule', () => {
    expect(findings(text, { select: ['shellcheck'], rules: { SC2086: 'error' } }).map((f) => f.severity)).toEqual(['warning', 'warning', 'error']);
    expect(findings(text, { rules: { shellcheck: 'error', SC2164: 'style' } }).map((f) => f.severity)).toEqual(['style', 'error', 'error']);
  });
  it('honours `# hadolint ignore=SC…` and `# dockfix-ignore`', () => {
    expect(codes('FROM debian:12\n# hadolint ignore=SC2086,SC2154\nRUN cd /x; echo $foo\n')).toEqual(['SC2164']);
    expect(codes('FROM debian:12\n# dockfix-ignore shellcheck\nRUN cd /x; echo $foo\n')).toEqual([]);
    expect(codes('FROM debian:12\n# hadolint global ignore=SC2164\nRUN cd /x\nRUN cd /y\n')).toEqual([]);
  });
  it('rejects names that are neither rules nor codes', () => {
    expect(() => linter.lint(text, { config: { ignore: ['SC20860'] } })).toThrow(/unknown rule "SC20860"/);
  });
});

describe('the ShellCheck process', () => {
  /** A stand-in for shellcheck that counts its runs and passes through to the real one. */
  function countingShellcheck(): { executable: string; runs: () => number } {
    const log = join(scratch, `runs-${Math.random().toString(36).slice(2)}.log`);
    const executable = join(scratch, `shellcheck-${Math.random().toString(36).slice(2)}.sh`);
    writeFileSync(executable, `#!/bin/sh\necho run >> '${log}'\nexec shellcheck "$@"\n`);
    chmodSync(executable, 0o755);
    return { executable, runs: () => readFileSync(log, 'utf8').split('\n').filter((line) => line === 'run').length - 1 };
  }
  it('runs once per file for every RUN, and not again for scripts it has seen', () => {
    const { executable, runs } = countingShellcheck();
    const config: Config = { rules: { shellcheck: ['warning', { executable }] } };
    const text = 'FROM debian:12\nRUN cd /a; ls\nRUN cd /b; ls\nONBUILD RUN cd /c; ls\n';
    expect(linter.lint(text, { config }).diagnostics.filter((d) => d.ruleId === 'shellcheck')).toHaveLength(3);
    expect(runs()).toBe(1); // the --version probe is not counted: it runs before the log line matters
    linter.lint(text, { config });
    expect(runs()).toBe(1);
    linter.lint(`${text}RUN cd /d; ls\n`, { config });
    expect(runs()).toBe(2);
  });
  it('without the binary: no findings, no crash, and a notice that says what to do', () => {
    const config: Config = { rules: { shellcheck: ['warning', { executable: '/nonexistent/shellcheck' }] } };
    expect(linter.lint('FROM debian:12\nRUN cd /x\n', { config }).diagnostics.filter((d) => d.ruleId === 'shellcheck')).toEqual([]);
    expect(shellcheckProblem('/nonexistent/shellcheck')).toBe('/nonexistent/shellcheck not found on PATH; install it (apt-get install shellcheck) or drop --shellcheck');
  });
  it('the CLI prints the notice once for many files, and goes on', () => {
    const dir = mkdtempSync(join(scratch, 'cli-'));
    writeFileSync(join(dir, 'a.Dockerfile'), 'FROM debian:12\nRUN cd /x\n');
    writeFileSync(join(dir, 'b.Dockerfile'), 'FROM debian:12\nRUN cd /y\n');
    writeFileSync(join(dir, '.dockfix.json'), JSON.stringify({ rules: { shellcheck: ['warning', { executable: 'no-such-shellcheck' }] } }));
    const bin = join(import.meta.dirname, '../../cli/bin/dockfix.js');
    const result = spawnSync(process.execPath, [bin, 'lint', '--shellcheck', '-f', 'json', 'a.Dockerfile', 'b.Dockerfile'], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('dockfix: warning: no-such-shellcheck not found on PATH; install it (apt-get install shellcheck) or drop --shellcheck\n');
    expect(JSON.parse(result.stdout)).toHaveLength(2);
  });
});

describe('over the corpus', () => {
  const root = join(import.meta.dirname, '../../../../shared/corpus');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => /Dockerfile/i.test(name) && !name.endsWith('.md'))
    .filter((_name, index) => index % 10 === 0);
  it('every finding lies inside the RUN it came from', () => {
    let total = 0;
    for (const name of files) {
      let text: string;
      try {
        text = readFileSync(join(root, name), 'utf8');
      } catch {
        continue;
      }
      const result = linter.lint(text, { config: ON });
      if (result.fatal) continue;
      const model = buildModel(new Source(text));
      const runs = [...model.instructions, ...model.triggers].filter((instruction) => instruction.keyword === 'RUN');
      for (const d of result.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'shellcheck')) {
        total++;
        const inside = runs.some((run) => run.range.start <= d.range.start && d.range.end <= run.range.end && d.range.start <= d.range.end);
        expect(inside, `${name}: ${d.message} at ${d.line}:${d.column}`).toBe(true);
      }
    }
    expect(total).toBeGreaterThan(0);
  });
});
