import { defineRule, type Instruction, type RunInstruction, type ShellCommand, type Source, type Stage, type TextEdit } from '@dockfix/core';
import { baseImageOf } from '../lib/images.js';

/** Commands whose failure on the left of a pipe is not worth failing the build for (or would wrongly fail it). */
const HARMLESS_FEEDERS = new Set(['echo', 'printf', 'yes', 'true', ':']);

/** Shells whose `-o pipefail` works. */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ksh', 'mksh', 'ash', 'busybox']);

/** Official images (and families) built on Debian, Ubuntu or a RHEL-like distribution: they have /bin/bash. */
const BASH_IMAGES =
  /^(debian|ubuntu|buildpack-deps|node|python|golang|ruby|php|perl|rust|openjdk|eclipse-temurin|amazoncorretto|maven|gradle|centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|opensuse\/.*|httpd|nginx|postgres|redis|mongo|mariadb|elixir|erlang|haskell|julia|swift|r-base|gcc|clojure|groovy|jetty|tomcat|sonarqube|jenkins\/.*|redhat\/ubi\d+.*|mcr\.microsoft\.com\/dotnet\/.*|registry\.access\.redhat\.com\/ubi\d+.*)$/;

/** Whether the stage's image has bash (`bash`), only BusyBox ash (`ash`), or neither/unknown (null). */
function imageShell(stage: Stage): 'bash' | 'ash' | null {
  const { image, templated } = baseImageOf(stage);
  if (templated || image.unresolved) return null;
  const name = image.name.replace(/^(docker\.io\/)?(library\/)?/, '');
  const tag = image.tag ?? '';
  if (name === 'alpine' || name === 'busybox' || /alpine/.test(tag)) return 'ash';
  if (/distroless|scratch/.test(name) || /distroless|chiseled|nanoserver|windowsservercore/.test(tag)) return null;
  return BASH_IMAGES.test(name) ? 'bash' : null;
}

/** A `|` (not `||`) after blanks and escaped line breaks. Sticky, so that it reads from an offset without slicing the rest of the script. */
const PIPE_AFTER = /(?:[ \t]|[\\`]\r?\n)*\|(?!\|)/y;

/** True when the statement that ends at `offset` in `text` is piped into the next. */
function pipeFollows(text: string, offset: number): boolean {
  PIPE_AFTER.lastIndex = offset;
  return PIPE_AFTER.test(text);
}

/** True when the shell command line turns pipefail on (`["/bin/bash", "-o", "pipefail", "-c"]`). */
function shellHasPipefail(shell: readonly string[]): boolean {
  return shell.some((word, i) => word === 'pipefail' && /^-[a-z]*o$/.test(shell[i - 1] ?? ''));
}

/** True when the script runs `set -o pipefail` (alone or in `set -euo pipefail`) before `offset`. */
function setsPipefail(run: RunInstruction, offset: number): boolean {
  return (run.run.script?.commands ?? []).some(
    (command) =>
      command.name === 'set' &&
      command.range.start < offset &&
      command.args.some((word, i) => word.value === 'pipefail' && /^-[a-zA-Z]*o$/.test(command.args[i - 1]?.value ?? '')),
  );
}

export default defineRule({
  meta: {
    id: 'pipefail',
    category: 'shell',
    severity: 'warning',
    description: 'Set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before a RUN that uses a pipe',
    fix: 'unsafe',
    sources: [{ tool: 'hadolint', rule: 'DL4006', kind: 'same' }],
    docs: {
      rationale: [
        'The exit status of a pipeline is the status of its last command. In `RUN curl -fsSL https://… | tar -xz`',
        'a failed download (404, DNS error, TLS problem) is invisible: `tar` sees empty input, may exit 0, and the',
        'build goes on with a broken image. `set -o pipefail` makes the pipeline fail when any part fails.',
        '`/bin/sh` on Debian (dash) does not support it, so the usual way is `SHELL ["/bin/bash", "-o", "pipefail",',
        '"-c"]` once per stage, before the first RUN with a pipe.',
        '',
        'A SHELL with `-o pipefail` and a `set -o pipefail` (or `set -euo pipefail`) in the RUN before the pipe both',
        'count. Pipes fed only by `echo` or `printf` (`echo "$SHA *file" | sha256sum -c -`, the most common pipe in',
        'official images) are not reported: those cannot fail in a way that matters. Nor is `yes | cmd`, which',
        'pipefail would break (`yes` dies of SIGPIPE). RUNs under a non-POSIX SHELL (PowerShell, cmd) are not checked.',
        '',
        'Unlike hadolint\'s DL4006, `SHELL ["/bin/sh", "-o", "pipefail", "-c"]` counts: POSIX.1-2024 has',
        '`pipefail`, BusyBox ash has it, and a `sh` without it rejects the option, so every RUN fails loudly',
        'instead of a pipe failing quietly.',
      ].join('\n'),
      invalid: ['FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt\n'],
      valid: [
        'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt\n',
        'FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://example.com/app.tar.gz | tar -xz -C /opt\n',
      ],
      fixNotes: [
        'Unsafe: a pipeline that failed quietly now fails the build. On Alpine and BusyBox, whose `/bin/sh` (ash)',
        'knows `set -o pipefail`, the fix starts the RUN with `set -o pipefail && `, which changes that RUN only.',
        'On images known to have bash (Debian, Ubuntu, RHEL-like and the official images built on them), whose',
        '`/bin/sh` may not, it puts `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the first RUN that needs',
        'it and `SHELL ["/bin/sh", "-c"]` (the default) after the last one of the group, so only those RUNs run under',
        'bash: a SHELL left open would also change every later `RUN`, shell-form `CMD`, `ENTRYPOINT` and',
        '`HEALTHCHECK`, stages built on this one, and (SHELL is part of the image config) the `ONBUILD` triggers and',
        'shell-form instructions of every image built `FROM` it. A group never spans a CMD, ENTRYPOINT, HEALTHCHECK,',
        'ONBUILD or SHELL; a RUN between two that need pipefail runs under bash too (bash is not dash: `echo -e`',
        'differs). When the stage already has an exec-form SHELL with bash,',
        'ash, zsh or ksh and a `-c`, it inserts `"-o", "pipefail", ` before the `"-c"`. Other images',
        '(distroless, unknown, ARG-templated) get no fix. A pipe inside a `$(…)` that is an argument of another',
        'command (`cp app "/out/app-$(uname -m | tr a-z A-Z)"`) is not reported: its status is discarded with or',
        'without pipefail. An assignment (`V=$(curl … | head -1)`) takes the status of the substitution, so it is.',
      ].join('\n'),
    },
  },
  create(ctx) {
    type Fix = { edits: TextEdit[]; title: string; instructionDelta: number };
    /** The command whose failure a pipe hides in this RUN, or undefined when nothing is hidden (asked again for a fix's group). */
    const hidden = new Map<RunInstruction, ShellCommand | undefined>();
    const hiddenFailure = (run: RunInstruction): ShellCommand | undefined => {
      if (!hidden.has(run)) hidden.set(run, findHiddenFailure(run));
      return hidden.get(run);
    };
    const findHiddenFailure = (run: RunInstruction): ShellCommand | undefined => {
      const script = run.run.script;
      if (!script) return undefined;
      // The commands that feed a pipe: only their failure is hidden. `echo`/`printf` cannot fail in a way
      // that matters, and `yes` is killed by SIGPIPE when the reader is done (pipefail would fail the build).
      const feeders = script.commands.filter((command) => command.inPipeline && pipeFollows(script.text, command.statementRange.end - script.offset));
      // Inside a `$(…)` that is an argument of another command, the pipeline's status is discarded with or
      // without pipefail (the command's own status counts), so only pipes whose status is seen are reported;
      // an assignment (`V=$(a | b)`, `export V=$(…)`) takes the substitution's status, so it stays reported.
      const inArgument = (command: ShellCommand) =>
        // The ranges first: asked of every word of the script for each feeder, and few words hold a command.
        script.commands.some((outer) => outer !== command && outer.args.some((word) => word.range.start <= command.range.start && command.range.end <= word.range.end && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word.text)));
      const piped = feeders.find((command) => !HARMLESS_FEEDERS.has(command.name) && !inArgument(command));
      if (!piped || shellHasPipefail(run.run.shell) || setsPipefail(run, piped.range.start)) return undefined;
      return piped;
    };

    /**
     * On an image with bash and the default shell, the fix wraps each group of RUNs that need pipefail in
     * `SHELL [bash -o pipefail]` … `SHELL ["/bin/sh", "-c"]`: a SHELL is part of the image config, so left
     * open it would change shell-form CMD, ENTRYPOINT and HEALTHCHECK, later RUNs, and the ONBUILD triggers
     * and shell-form instructions of every image built FROM this one. Restored, only the RUNs of the group
     * run under bash. A group is the RUNs from the first to the last that need it, with no other instruction
     * that uses the shell (CMD, ENTRYPOINT, HEALTHCHECK, ONBUILD, SHELL) between them.
     */
    const groupFixes = new Map<RunInstruction, Fix>();
    const grouped = new Set<Stage>();
    const groupStage = (stage: Stage, shell: 'bash') => {
      grouped.add(stage);
      let group: RunInstruction[] = [];
      const close = () => {
        const first = group[0];
        const last = group.at(-1);
        if (first && last) {
          const open = `SHELL ["/bin/${shell}", "-o", "pipefail", "-c"]`;
          const fix: Fix = {
            edits: [ctx.fix.insertLinesBefore(first, [open]), insertLineAfter(ctx.source, last, DEFAULT_SHELL)],
            title: group.length === 1 ? `Run this RUN under \`${open}\`, then restore the default shell` : `Run these ${group.length} RUNs under \`${open}\`, then restore the default shell`,
            instructionDelta: 2,
          };
          for (const run of group) groupFixes.set(run, fix);
        }
        group = [];
      };
      let pending: RunInstruction[] = [];
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'RUN') {
          const run = instruction as RunInstruction;
          pending.push(run);
          if (run.run.form === 'shell' && hiddenFailure(run)) {
            group.push(...(group.length === 0 ? [run] : pending));
            pending = [];
          }
        } else if (SHELL_USERS.has(instruction.keyword)) {
          close();
          pending = [];
        }
      }
      close();
    };

    const fixFor = (run: RunInstruction): Fix | null => {
      const stage = run.stage as Stage;
      const shellInstruction = lastShellBefore(run);
      if (shellInstruction) {
        // The Dockerfile already chose a shell: add the option to it, if it is one that knows pipefail.
        const executable = run.run.shell[0]?.split('/').at(-1) ?? '';
        const text = ctx.source.slice(shellInstruction.argsRange ?? shellInstruction.range);
        const c = /"-c"/.exec(text);
        if (!PIPEFAIL_SHELLS.has(executable) || !c || !shellInstruction.argsRange) return null;
        const at = shellInstruction.argsRange.start + c.index;
        return { edits: [ctx.fix.insertBefore(at, '"-o", "pipefail", ')], title: 'Add `-o pipefail` to the SHELL', instructionDelta: 0 };
      }
      const shell = imageShell(stage);
      // BusyBox ash knows `set -o pipefail`: set it in this RUN only.
      if (shell === 'ash') {
        return run.run.form === 'shell' && run.run.body ? { edits: [ctx.fix.insertBefore(run.run.body.start, 'set -o pipefail && ')], title: 'Start the RUN with `set -o pipefail &&`', instructionDelta: 0 } : null;
      }
      if (shell !== 'bash') return null;
      if (!grouped.has(stage)) groupStage(stage, shell);
      return groupFixes.get(run) ?? null;
    };
    return {
      RUN(run) {
        if (!run.run.script || !run.stage) return;
        const piped = hiddenFailure(run);
        if (!piped) return;
        // A SHELL line for a trigger would have to go before the ONBUILD and change the stage too: no fix there.
        const fix = run.onbuild ? null : fixFor(run);
        ctx.report({
          node: piped.range,
          message: 'A pipe hides the failure of every command but the last; set `-o pipefail` first',
          ...(fix ? { fix: { title: fix.title, edits: fix.edits, instructionDelta: fix.instructionDelta } } : {}),
        });
      },
    };
  },
});

/** The shell of a Linux image that sets none: what a group's fix restores. */
const DEFAULT_SHELL = 'SHELL ["/bin/sh", "-c"]';

/** Instructions other than RUN whose meaning depends on the SHELL in effect (a group of RUNs never spans one). */
const SHELL_USERS = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD', 'SHELL']);

/** An edit that adds `line` as a new line after the instruction, with its indentation and line ending. */
function insertLineAfter(source: Source, instruction: Instruction, line: string): TextEdit {
  const lineStart = source.lineStartAt(instruction.range.start);
  const eol = source.eolAt(lineStart);
  const indent = source.indentAt(lineStart);
  const next = source.nextLineStartAt(Math.max(instruction.range.start, instruction.range.end - 1));
  // The instruction ends the file with no line break after it: the new line needs one in front.
  if (next === source.text.length && !source.text.endsWith('\n')) return { start: next, end: next, text: eol + indent + line };
  return { start: next, end: next, text: indent + line + eol };
}

/** The SHELL instruction in effect at a RUN (in its stage or a parent stage), or null for the default shell. */
function lastShellBefore(run: Instruction): Instruction | null {
  let stage = run.stage;
  let before = run.onbuild ? Infinity : run.index;
  const seen = new Set<Stage>();
  while (stage && !seen.has(stage)) {
    seen.add(stage);
    for (let i = stage.instructions.length - 1; i >= 0; i--) {
      const other = stage.instructions[i] as Instruction;
      if (other.index < before && other.keyword === 'SHELL') return other;
    }
    before = Infinity;
    stage = stage.parent;
  }
  return null;
}
