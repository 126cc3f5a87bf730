import { defineRule, type RunInstruction, type ShellCommand, type TextEdit } from '@dockfix/core';
import { joinLength } from '../lib/shell.js';

/** The static directory a `cd` goes to, or null when it is dynamic, an option, `-` or `~`. */
function target(command: ShellCommand): string | null {
  if (command.args.length !== 1) return null;
  const word = command.args[0];
  if (!word || word.dynamic || /^[-~]/.test(word.value) || /\s/.test(word.value) || word.value === '') return null;
  return word.value;
}

export default defineRule({
  meta: {
    id: 'use-workdir',
    category: 'layers',
    severity: 'warning',
    description: 'Use WORKDIR to switch directories instead of `cd` in RUN',
    fix: 'unsafe',
    sources: [{ tool: 'hadolint', rule: 'DL3003', kind: 'same' }],
    docs: {
      rationale: [
        'A `cd` lasts only until the end of its `RUN`: the next `RUN`, `COPY` or `CMD` starts again in the WORKDIR.',
        'Scripts that `cd` into a directory and then rely on being there later break in confusing ways, and',
        'every `RUN` has to repeat the `cd`. `WORKDIR` sets the directory for all later instructions, creates it',
        'when it does not exist, and documents where the build happens.',
        '',
        'The rule reports a `cd` that starts a RUN (`RUN cd /src && make`): the directory the whole RUN works in.',
        'Unlike hadolint\'s DL3003 it leaves alone a `cd` further down a build script (into a source tree that is',
        'deleted at the end, or back to `/`), where WORKDIR is no alternative, and a `cd` inside a subshell,',
        '`(cd dir && make)`, the idiomatic way to run one command elsewhere.',
      ].join('\n'),
      invalid: ['FROM golang:1.22\nCOPY . /src\nRUN cd /src && go build -o /usr/local/bin/app .\n'],
      valid: [
        'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/app .\n',
        'FROM alpine:3.20\nRUN (cd /tmp && wget https://example.com/x.tar.gz)\n',
        'FROM alpine:3.20\nRUN set -eux; wget -O /tmp/src.tgz https://example.com/src.tgz; mkdir /tmp/src; tar -xzf /tmp/src.tgz -C /tmp/src; cd /tmp/src; make install; cd /; rm -rf /tmp/src*\n',
      ],
      fixNotes: [
        'Unsafe: `WORKDIR` stays in effect for every later instruction of the stage (`RUN`, `COPY` with a relative',
        'destination, `CMD`), and it creates the directory where `cd` would have failed. The fix applies only to a',
        '`cd <static path> && …` that starts a shell-form RUN: it inserts `WORKDIR <path>` before the RUN and deletes',
        'the `cd … &&`. A RUN that is nothing but `cd <path>` becomes `WORKDIR <path>`.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const fixFor = (run: RunInstruction, command: ShellCommand): { edits: TextEdit[]; instructionDelta: number } | null => {
      const script = run.run.script;
      const dir = target(command);
      if (!script || script.hasError || !dir || run.run.form !== 'shell') return null;
      if (script.commands[0] !== command || script.statements[0]?.range.start !== command.range.start) return null;
      if (command.statementRange.end !== command.range.end) return null;
      if (script.commands.length === 1 && script.statements.length === 1 && command.followedBy === null) {
        if (run.flags.length > 0) return null;
        return { edits: [ctx.fix.replaceRange(run.keywordRange.start, command.range.end, `WORKDIR ${dir}`)], instructionDelta: 0 };
      }
      if (command.followedBy !== '&&') return null;
      const join = joinLength(script.text.slice(command.range.end - script.offset));
      if (join === null) return null;
      const end = command.range.end + join;
      // `cd x && a || b`: without the cd the `||` would attach differently; keep it simple and skip.
      if (script.statements[0]?.operators.includes('||')) return null;
      // In a trigger the WORKDIR must be a trigger too (`ONBUILD WORKDIR`), on its own line above the ONBUILD.
      const onbuild = run.onbuild;
      const line = onbuild ? `${ctx.source.slice(onbuild.keywordRange)} WORKDIR ${dir}` : `WORKDIR ${dir}`;
      return { edits: [ctx.fix.insertLinesBefore(onbuild ?? run, [line]), ctx.fix.replaceRange(command.range.start, end, '')], instructionDelta: 1 };
    };
    return {
      RUN(run) {
        const script = run.run.script;
        if (!script) return;
        // Only a `cd` that starts the RUN: that is the directory the RUN is about, and what WORKDIR is for.
        // A `cd` further down a build script (into a source tree that is deleted afterwards, or back to `/`)
        // is left alone, unlike hadolint's DL3003, which reports every `cd`.
        const first = script.commands[0];
        for (const command of first && script.statements[0]?.range.start === first.range.start ? [first] : []) {
          if (command.name !== 'cd' || command.inSubshell) continue;
          const fix = fixFor(run, command);
          ctx.report({
            node: command.range,
            message: '`cd` only lasts until the end of this RUN; use WORKDIR to change directory',
            ...(fix ? { fix: { title: `Replace \`cd ${target(command) ?? ''}\` with \`WORKDIR ${target(command) ?? ''}\``, ...fix } } : {}),
          });
        }
      },
    };
  },
});
