import { defineRule, type DockerfileModel, type Instruction, type RunInstruction, type ShellCommand, type Stage, type TextEdit } from '@dockfix/core';
import { insertLinesAfter } from '../lib/edits.js';
import { joinLength } from '../lib/shell.js';
import { workdirAt } from '../lib/stages.js';

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
        'the `cd … &&`. A RUN that is nothing but `cd <path>` becomes `WORKDIR <path>`. When later instructions of',
        'the stage, or stages built on it, depend on the working directory, it adds `WORKDIR <previous>` after the',
        'RUN so that they keep running where they did; when the previous directory is not known (set by the base',
        'image, or by a variable) there is no fix.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const fixFor = (run: RunInstruction, command: ShellCommand): { edits: TextEdit[]; instructionDelta: number } | null => {
      const script = run.run.script;
      const dir = target(command);
      if (!script || script.hasError || !dir || run.run.form !== 'shell') return null;
      // A trigger's WORKDIR would outlive it into the child build, whose directories are not known here.
      if (run.onbuild) return null;
      // WORKDIR outlives the RUN: later instructions (and stages built on this one) would run in `dir`.
      // Restore the previous WORKDIR after the RUN, or offer no fix when it is not known (W6).
      const restore = needsRestore(ctx.model, run) ? previousWorkdir(run) : undefined;
      if (restore === null) return null;
      const after = restore === undefined ? [] : [insertLinesAfter(ctx, run, [`WORKDIR ${restore}`])];
      if (after.some((edit) => edit === null)) return null;
      const restoreEdits = after as TextEdit[];
      if (script.commands[0] !== command || script.statements[0]?.range.start !== command.range.start) return null;
      if (command.statementRange.end !== command.range.end) return null;
      if (script.commands.length === 1 && script.statements.length === 1 && command.followedBy === null) {
        if (run.flags.length > 0) return null;
        return { edits: [ctx.fix.replaceRange(run.keywordRange.start, command.range.end, `WORKDIR ${dir}`), ...restoreEdits], instructionDelta: restoreEdits.length };
      }
      if (command.followedBy !== '&&') return null;
      const join = joinLength(script.text.slice(command.range.end - script.offset));
      if (join === null) return null;
      const end = command.range.end + join;
      // `cd x && a || b`: without the cd the `||` would attach differently; keep it simple and skip.
      if (script.statements[0]?.operators.includes('||')) return null;
      return { edits: [ctx.fix.insertLinesBefore(run, [`WORKDIR ${dir}`]), ctx.fix.replaceRange(command.range.start, end, ''), ...restoreEdits], instructionDelta: 1 + restoreEdits.length };
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

/** Instructions that do not depend on the working directory. */
const CWD_FREE = new Set(['ENV', 'ARG', 'LABEL', 'EXPOSE', 'USER', 'STOPSIGNAL', 'SHELL', 'MAINTAINER']);

/** True when something after `run` runs in the working directory: a later instruction of its stage, or a stage built on it. */
function needsRestore(model: DockerfileModel, run: Instruction): boolean {
  const stage = run.stage;
  if (!stage) return false;
  let facts = stageFacts.get(stage);
  if (!facts) {
    // Once per stage: scanning the rest of the stage for every `cd` RUN made a stage of them quadratic.
    const dependent = stage.instructions.findLast(
      (i) => !CWD_FREE.has(i.keyword) && !(i.keyword === 'WORKDIR' && (i.args[0]?.value ?? '').startsWith('/')) && !startsWithAbsoluteCd(i),
    );
    facts = { hasChild: model.stages.some((other) => other.parent === stage), lastDependent: dependent?.index ?? -Infinity };
    stageFacts.set(stage, facts);
  }
  return facts.hasChild || facts.lastDependent > run.index;
}

/** Per stage: whether a stage builds on it, and the last instruction that depends on the working directory. */
const stageFacts = new WeakMap<Stage, { readonly hasChild: boolean; readonly lastDependent: number }>();

/** A RUN that starts with `cd /abs` (or `cd $HOME`) does not depend on the directory it starts in. */
function startsWithAbsoluteCd(instruction: Instruction): boolean {
  const script = instruction.run?.script;
  const first = script?.commands[0];
  if (!script || !first || first.name !== 'cd' || first.inSubshell || script.statements[0]?.range.start !== first.range.start) return false;
  return first.followedBy === '&&' && /^(\/|\$HOME\b|\$\{HOME\}|~)/.test(first.args[0]?.text ?? '');
}

/** The WORKDIR in effect before `run`: `/` when nothing sets one and the stage starts from scratch, null when unknown. */
function previousWorkdir(run: Instruction): string | null {
  const known = workdirAt(run);
  if (known !== null) return known;
  const setsOne = (stage: Stage | null): boolean => stage !== null && (stage.instructions.some((i) => i.keyword === 'WORKDIR' && i.index < run.index) || setsOne(stage.parent));
  if (setsOne(run.stage)) return null;
  let root = run.stage;
  while (root?.parent) root = root.parent;
  return root?.from?.from.image.scratch ? '/' : null;
}
