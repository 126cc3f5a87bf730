import { buildModel, createLinter, type RunInstruction, Source } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import { parseCli, toolCall } from '../src/lib/cli.js';
import { failureFailsRun, removeChained } from '../src/lib/shell.js';
import aptGetYes from '../src/package-managers/apt-get-yes.js';
import aptListsCleanup from '../src/package-managers/apt-lists-cleanup.js';
import pipefail from '../src/shell/pipefail.js';

/** The first RUN of `FROM <from>\nRUN <body>`. */
function firstRun(body: string, from = 'debian:bookworm-slim'): RunInstruction {
  const model = buildModel(new Source(`FROM ${from}\nRUN ${body}\n`));
  return model.instructions.find((instruction) => instruction.keyword === 'RUN') as RunInstruction;
}

describe('failureFailsRun: does a failing command fail the RUN?', () => {
  it.each([
    ['apt-get install x', true],
    ['apt-get install x && rm -rf /var/lib/apt/lists/*', true],
    ['apt-get update && apt-get install x && echo done', true],
    ['apt-get install x; echo done', false],
    ['set -e; apt-get install x; echo done', true],
    ['set -eux; apt-get install x && echo a; echo b', false],
    ['set -e; set +e; apt-get install x; echo done', false],
    ['apt-get install x || true', false],
    ['true || apt-get install x', false],
    ['if true; then apt-get install x; fi', false],
    ['( apt-get install x )', false],
    ['apt-get install x | tee log', false],
    ['! apt-get install x', false],
    ['apt-get install x && a || b', false],
    ['apt-get install x \\\n    && rm -rf /tmp/*', true],
  ])('%s → %s', (body, expected) => {
    const run = firstRun(body);
    const command = run.run.script?.commands.find((c) => c.name === 'apt-get');
    expect(command).toBeDefined();
    expect(failureFailsRun(run, command as NonNullable<typeof command>)).toBe(expected);
  });

  it('counts errexit from SHELL flags', () => {
    const model = buildModel(new Source('FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN apt-get install x; echo done\n'));
    const run = model.instructions.find((instruction) => instruction.keyword === 'RUN') as RunInstruction;
    const command = run.run.script?.commands[0];
    expect(failureFailsRun(run, command as NonNullable<typeof command>)).toBe(true);
  });
});

describe('removeChained deletes a command and its `&&`', () => {
  it.each([
    ['apk update && apk add x', 'apk update', 'apk add x'],
    ['apk update && \\\n    apk add x', 'apk update', 'apk add x'],
    ['apk add x && rm -rf /var/cache/apk/*', 'rm', 'apk add x'],
    ['apk add x \\\n    && rm -rf /var/cache/apk/*', 'rm', 'apk add x'],
    ['apk add x && rm -rf /var/cache/apk/* && echo ok', 'rm', 'apk add x && echo ok'],
  ])('%s without %s', (body, name, expected) => {
    const run = firstRun(body, 'alpine:3.20');
    const command = run.run.script?.commands.find((c) => c.name === name.split(' ')[0] && (name === 'rm' || c.args[0]?.value === name.split(' ')[1]));
    const edit = removeChained(run, command as NonNullable<typeof command>, { replaceRange: (start: number, end: number, text: string) => ({ start, end, text }) } as never);
    expect(edit).not.toBeNull();
    const text = `FROM alpine:3.20\nRUN ${body}\n`;
    const out = text.slice(0, edit?.start) + (edit?.text ?? '') + text.slice(edit?.end);
    expect(out).toBe(`FROM alpine:3.20\nRUN ${expected}\n`);
  });

  it('does not cross `;`', () => {
    const run = firstRun('apk update; apk add x', 'alpine:3.20');
    const command = run.run.script?.commands[0];
    expect(removeChained(run, command as NonNullable<typeof command>, {} as never)).toBeNull();
  });
});

describe('parseCli', () => {
  const call = (body: string) => {
    const run = firstRun(body);
    const command = run.run.script?.commands[0];
    return parseCli(command as NonNullable<typeof command>, { valueOptions: new Set(['o', 't']), subcommand: true });
  };

  it('sees through sudo and env', () => {
    expect(call('sudo -E env DEBIAN_FRONTEND=noninteractive apt-get -q install -y x')?.tool).toBe('apt-get');
    expect(call('sudo -u app apt-get install x')?.sudo).toBe(true);
  });

  it('takes only the known wrappers for wrappers, not names an object inherits', () => {
    expect(call('constructor apt-get install x')?.tool).toBe('constructor');
    expect(call('/usr/bin/toString -q x')?.tool).toBe('toString');
    expect(call('/usr/bin/sudo /usr/bin/apt-get install x')?.tool).toBe('apt-get');
  });

  it('splits each command once per spec, and answers the same call again', () => {
    const spec = { valueOptions: new Set(['o']), subcommand: true };
    const command = firstRun('apt-get -o a=b install x').run.script?.commands[0];
    if (!command) throw new Error('no command');
    const first = toolCall(command, ['apt-get'], spec);
    expect(first?.subcommand?.value).toBe('install');
    expect(toolCall(command, ['apt', 'apt-get'], spec)).toBe(first);
    expect(toolCall(command, ['apk'], spec)).toBeNull();
    expect(toolCall(command, ['apt-get'], { ...spec })).not.toBe(first);
  });

  it('splits options, values, the subcommand and operands', () => {
    const parsed = call('apt-get -o Dpkg::Options::=--force-confold -qq install -t bookworm-backports x y');
    expect(parsed?.subcommand?.value).toBe('install');
    expect(parsed?.options.map((o) => [o.name, o.value])).toEqual([
      ['o', 'Dpkg::Options::=--force-confold'],
      ['qq', null],
      ['t', 'bookworm-backports'],
    ]);
    expect(parsed?.operands.map((w) => w.value)).toEqual(['x', 'y']);
  });
});

describe('safety verdicts', () => {
  const safetyOf = (rule: typeof aptGetYes, text: string) => createLinter({ rules: [rule] }).lint(text).diagnostics.map((d) => d.fix?.safety ?? 'none');

  it('apt-get-yes is safe only where the abort failed the build', () => {
    expect(safetyOf(aptGetYes, 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install curl\n')).toEqual(['safe']);
    expect(safetyOf(aptGetYes, 'FROM debian:bookworm-slim\nRUN apt-get install curl; echo done\n')).toEqual(['unsafe']);
    expect(safetyOf(aptGetYes, 'FROM debian:bookworm-slim\nRUN <<EOF\nset -e\napt-get install curl\necho done\nEOF\n')).toEqual(['safe']);
  });

  it('apt-get-yes leaves a simulation alone: `-s` never prompts (docker-library postgres, corpus review)', () => {
    const probe = 'FROM debian:bookworm-slim\nRUN if apt-get install -s "postgresql-18-jit" > /dev/null 2>&1; then apt-get install -y postgresql-18-jit; fi\n';
    expect(safetyOf(aptGetYes, probe)).toEqual([]);
    expect(safetyOf(aptGetYes, 'FROM debian:bookworm-slim\nRUN apt-get install --dry-run curl && apt-get install curl\n')).toEqual(['safe']);
  });

  it('apt-lists-cleanup does not delete lists a later RUN installs from', () => {
    const later = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n';
    expect(safetyOf(aptListsCleanup, later)).toEqual(['none']);
    // An update that may not run (after `||`) does not count as the later RUN's own.
    const conditional = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\nRUN true || apt-get update && apt-get install -y git\n';
    expect(safetyOf(aptListsCleanup, conditional)[0]).toBe('none');
    // A child stage counts as later too.
    const child = 'FROM debian:bookworm-slim AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y git\n';
    expect(safetyOf(aptListsCleanup, child)).toEqual(['none']);
  });

  it('pipefail leaves pipes fed by echo/printf/yes alone', () => {
    expect(safetyOf(pipefail, 'FROM debian:bookworm-slim\nRUN echo "$SHA *f" | sha256sum -c -\n')).toEqual([]);
    expect(safetyOf(pipefail, 'FROM debian:bookworm-slim\nRUN yes | apt-get install x\n')).toEqual([]);
    expect(safetyOf(pipefail, 'FROM debian:bookworm-slim\nRUN curl -fsSL x | sh\n')).toEqual(['unsafe']);
  });
});
