import { defineRule, type RunInstruction, type ShellCommand, type Stage } from '@dockfix/core';
import { type CliSpec, hasOption, toolCall } from '../lib/cli.js';
import { baseImageOf, isAlpineLike, stageChain } from '../lib/images.js';
import { packageOperands, parseApk, subcommandOf } from '../lib/packages.js';
import { earlierRunsInStage } from '../lib/stages.js';

const WGET = ['wget'];
/** The options of `wget` that take a value. */
const WGET_SPEC: CliSpec = {
  valueOptions: new Set(['o', 'output-file', 'a', 'append-output', 'O', 'output-document', 'P', 'directory-prefix', 'e', 'execute', 'U', 'user-agent', 'T', 'timeout', 't', 'tries', 'i', 'input-file', 'header']),
};

/** Base images whose `wget`, when installed, is GNU wget (BusyBox's does not know `--progress`). */
const GNU_DISTROS = /^(debian|ubuntu|fedora|centos|rockylinux|almalinux|amazonlinux|oraclelinux|redhat\/ubi\d*|registry\.access\.redhat\.com\/ubi\d*(\/.*)?|opensuse\/.*|buildpack-deps|python|node|golang|ruby|openjdk|eclipse-temurin|php|perl|rust|gcc)$/;

function gnuWget(stage: Stage): boolean {
  const { image, templated } = baseImageOf(stage);
  if (templated || image.unresolved || isAlpineLike(image) || /alpine|musl|busybox/i.test(image.tag ?? '')) return false;
  return GNU_DISTROS.test(image.name);
}

/** True when the stage's `wget` is BusyBox's: an Alpine or BusyBox base, known (not an ARG). */
function busyboxWget(stage: Stage): boolean {
  const { image, templated } = baseImageOf(stage);
  return !templated && !image.unresolved && (isAlpineLike(image) || /musl|busybox/i.test(image.tag ?? ''));
}

function addsWget(command: ShellCommand): boolean {
  const apk = parseApk(command);
  return apk !== null && subcommandOf(apk) === 'add' && packageOperands(apk).some((word) => /^wget([=<>~].*)?$/.test(word.value));
}

/**
 * True when GNU wget is installed (`apk add wget`) before `command` runs: earlier in its RUN, in an
 * earlier RUN of the stage, or in a stage it builds on. Otherwise BusyBox's wget answers, and it
 * exits with "unrecognized option" on `--progress` (it knows -q, -O, -P, -U, -T, -c and a few more).
 */
function gnuWgetInstalledBefore(run: RunInstruction, command: ShellCommand): boolean {
  const commands = run.run.script?.commands ?? [];
  const before = commands.slice(0, Math.max(0, commands.indexOf(command)));
  const earlier = [...earlierRunsInStage(run), ...(run.stage ? stageChain(run.stage).slice(1).flatMap((stage) => stage.instructions) : [])];
  return (
    before.some(addsWget) ||
    earlier.some((other) => other.keyword === 'RUN' && other.run !== undefined && (other.run.script?.commands ?? []).some(addsWget))
  );
}

export default defineRule({
  meta: {
    id: 'wget-progress',
    category: 'shell',
    severity: 'info',
    description: 'Give `wget` `--progress=dot:giga` (or `-q`/`-nv`) so that it does not flood the build log',
    fix: 'safe',
    sources: [{ tool: 'hadolint', rule: 'DL3047', kind: 'same' }],
    docs: {
      rationale: [
        'Without a terminal, GNU wget falls back to its "dot" progress display: one line per 50 KiB, so a 500 MB',
        'download writes ten thousand lines into the build log, which CI systems truncate or choke on.',
        '`--progress=dot:giga` prints one line per 32 MB. The rule reports a `wget` without `--progress`, `-q`/`--quiet`,',
        '`-nv`/`--no-verbose`, `-o`/`--output-file` or `-a`/`--append-output`, as hadolint does.',
      ].join('\n'),
      invalid: ['FROM debian:bookworm-slim\nRUN wget https://example.org/big.tar.gz\n'],
      valid: ['FROM debian:bookworm-slim\nRUN wget --progress=dot:giga https://example.org/big.tar.gz\n', 'FROM debian:bookworm-slim\nRUN wget -q https://example.org/big.tar.gz\n'],
      fixNotes: [
        'The fix inserts ` --progress=dot:giga` after `wget`; it changes only the log. BusyBox\'s `wget` (Alpine,',
        'BusyBox and images built on them) rejects options it does not know, so the fix is safe only when the',
        'stage\'s base image is a glibc distribution or an official image built on one (Debian, Ubuntu, Fedora,',
        '`python`, `node`, … without an alpine tag), where an installed `wget` is GNU wget. On Alpine and BusyBox',
        'there is no fix unless the stage installs GNU wget (`apk add wget`) before the call; elsewhere it is unsafe.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        for (const command of run.run.script?.commands ?? []) {
          const call = toolCall(command, WGET, WGET_SPEC);
          if (!call) continue;
          if (hasOption(call, { long: ['progress', 'quiet', 'no-verbose', 'output-file', 'append-output'], short: ['q', 'o', 'a'] })) continue;
          if (call.options.some((option) => !option.long && option.name === 'nv')) continue;
          if (call.words.some((word) => word.dynamic && /^["']?[$`]/.test(word.text))) continue;
          const safe = run.stage !== null && gnuWget(run.stage);
          const message = '`wget` without `--progress=dot:giga` writes a line per 50 KiB into the build log';
          // BusyBox's wget with no GNU wget installed: the option would fail the build, so no fix (review
          // of fix --unsafe on docker-library's alpine images: four builds broken).
          if (!safe && run.stage !== null && busyboxWget(run.stage) && !gnuWgetInstalledBefore(run, command)) {
            ctx.report({ node: call.toolWord.range, message });
            continue;
          }
          ctx.report({
            node: call.toolWord.range,
            message,
            fix: {
              title: `Add \`--progress=dot:giga\`${safe ? '' : ' (unsafe: BusyBox wget may be the one installed, and it rejects the option)'}`,
              edits: [ctx.fix.insertAfter(call.toolWord, ' --progress=dot:giga')],
              safety: safe ? 'safe' : 'unsafe',
            },
          });
        }
      },
    };
  },
});
