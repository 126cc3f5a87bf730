import { defineRule, shellInputOf, type Instruction, type RunInstruction, type Severity, type ShellInput, type Stage, type TextRange } from '@dockfix/core';
import { keyValues } from '../lib/properties.js';
import { runShellcheck, type ShellcheckComment } from '../lib/shellcheck-process.js';

type Options = { readonly executable: string };

/** Variables every RUN may read without a declaration: Docker passes the proxy build args through (as hadolint predeclares them). */
const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy'];

/** Shells ShellCheck checks, by executable name, and the name it is given in the shebang. */
const CHECKED_SHELLS: Readonly<Record<string, string>> = { sh: 'sh', bash: 'bash', dash: 'dash', ksh: 'ksh', ash: 'ash', busybox: 'sh', mksh: 'ksh' };

/** A shebang a heredoc script may start with and still be checked, as hadolint accepts them. */
const SCRIPT_SHEBANG = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+)?(sh|bash|ksh|dash|ash)\b[^\n]*\n?/;

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The pieces of a script handed to ShellCheck: text of the RUN (`fromInput` its index there) or lines dockfix adds. */
interface Piece {
  readonly text: string;
  readonly fromInput: number | null;
}

/** One RUN as ShellCheck will see it. */
interface Prepared {
  readonly run: RunInstruction;
  readonly input: ShellInput;
  readonly pieces: readonly Piece[];
  readonly script: string;
}

/** The shell a RUN runs in, as ShellCheck's shebang name; null for shells it cannot check (PowerShell, cmd, zsh, …). */
function checkedShell(shell: readonly string[]): string | null {
  const executable = (shell[0] ?? '').split(/[\\/]/).at(-1)?.toLowerCase().replace(/\.exe$/, '') ?? '';
  return CHECKED_SHELLS[executable] ?? null;
}

/** ARG and ENV names of the instructions, in order. */
function declaredIn(instructions: readonly Instruction[], source: Parameters<typeof keyValues>[0]): string[] {
  return instructions
    .filter((instruction) => instruction.keyword === 'ARG' || instruction.keyword === 'ENV')
    .flatMap((instruction) => keyValues(source, instruction).map((pair) => pair.name));
}

/**
 * The variables a RUN can read that ShellCheck cannot see assigned: the ARGs and ENVs before it in its
 * stage and in the stages it builds on; for an ONBUILD trigger, all of its stage's and the trigger ARGs
 * and ENVs before it (a trigger runs after the whole image was built).
 */
function variablesFor(run: RunInstruction, source: Parameters<typeof keyValues>[0]): string[] {
  const names = new Set(PROXY_VARIABLES);
  const stage = run.stage;
  const add = (list: readonly string[]) => list.filter((name) => VARIABLE_NAME.test(name)).forEach((name) => names.add(name));
  for (let parent: Stage | null = stage?.parent ?? null; parent; parent = parent.parent) add(declaredIn(parent.instructions, source));
  if (stage) {
    if (run.onbuild) {
      add(declaredIn(stage.instructions, source));
      add(declaredIn(stage.triggers.slice(0, stage.triggers.indexOf(run)), source));
    } else add(declaredIn(stage.instructions.filter((instruction) => instruction.index < run.index), source));
  }
  return [...names].sort();
}

/** The script for one RUN: a shebang, an `export V=1` per known variable, then the RUN's text. Null when it is not checked. */
function prepare(run: RunInstruction, source: Parameters<typeof keyValues>[0]): Prepared | null {
  const shell = checkedShell(run.run.shell);
  if (!shell) return null;
  const input = shellInputOf(source, run);
  if (!input) return null;
  const exports = variablesFor(run, source)
    .map((name) => `export ${name}=1\n`)
    .join('');
  let pieces: Piece[];
  if (input.text.startsWith('#!')) {
    // A heredoc script with a shebang is run by that interpreter: keep its shebang first.
    const own = SCRIPT_SHEBANG.exec(input.text);
    if (!own) return null;
    pieces = [
      { text: own[0], fromInput: 0 },
      ...(own[0].endsWith('\n') ? [] : [{ text: '\n', fromInput: null }]),
      { text: exports, fromInput: null },
      { text: input.text.slice(own[0].length), fromInput: own[0].length },
    ];
  } else {
    pieces = [
      { text: `#!/bin/${shell}\n${exports}`, fromInput: null },
      { text: input.text, fromInput: 0 },
    ];
  }
  return { run, input, pieces, script: pieces.map((piece) => piece.text).join('') };
}

/** The UTF-16 index in `script` of a ShellCheck position (1-based line, 1-based column in code points). */
function scriptIndex(script: string, lineStarts: readonly number[], line: number, column: number): number {
  const lineStart = lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1] ?? 0;
  const lineEnd = script.indexOf('\n', lineStart);
  const stop = lineEnd === -1 ? script.length : lineEnd + 1;
  let index = lineStart;
  for (let steps = column - 1; steps > 0 && index < stop; steps--) index += (script.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  return Math.min(index, script.length);
}

/** Where a finding sits in the Dockerfile; a finding on a line dockfix added points at the RUN's keyword. */
function rangeOf(prepared: Prepared, comment: ShellcheckComment): TextRange {
  const { script, pieces, input, run } = prepared;
  const lineStarts = [0];
  for (let at = script.indexOf('\n'); at !== -1; at = script.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const toInput = (index: number, isEnd: boolean): number | null => {
    let pieceStart = 0;
    for (const piece of pieces) {
      const pieceEnd = pieceStart + piece.text.length;
      if (index < pieceEnd || (isEnd && index === pieceEnd && piece.fromInput !== null)) {
        return piece.fromInput === null ? null : piece.fromInput + index - pieceStart;
      }
      pieceStart = pieceEnd;
    }
    return pieces.at(-1)?.fromInput === null ? null : input.text.length;
  };
  const start = toInput(scriptIndex(script, lineStarts, comment.line, comment.column), false);
  if (start === null) return run.keywordRange;
  const endIndex = scriptIndex(script, lineStarts, comment.endLine, comment.endColumn);
  const end = toInput(endIndex, true);
  const from = input.offsetAt(start);
  const to = end === null || end <= start ? from : input.endOffsetAt(end);
  return { start: from, end: Math.max(from, to) };
}

export default defineRule<Options>({
  meta: {
    id: 'shellcheck',
    category: 'shell',
    severity: 'warning',
    description: 'Fix what ShellCheck finds in RUN commands',
    fix: 'none',
    optIn: true,
    codes: { tool: 'shellcheck', pattern: /^SC\d{4}$/ },
    options: {
      executable: { type: 'string', description: 'The ShellCheck binary to run (a name looked up on PATH, or a path)', default: 'shellcheck' },
    },
    docs: {
      rationale: [
        'A RUN command is a shell script, with the bugs shell scripts have: an unquoted `$VAR` that splits',
        'on spaces, a `cd` whose failure is ignored, `[ $x == y ]` that only bash understands. The build',
        'often still passes and the image is quietly wrong. [ShellCheck](https://www.shellcheck.net) finds',
        'these; this rule runs it on every shell-form and heredoc RUN (ONBUILD RUN too), the way hadolint',
        'does, and reports each finding on the exact line and column of the Dockerfile, through line',
        'continuations, the `# escape=` character and heredocs.',
        '',
        'Each finding carries its ShellCheck code (`SC2086`) as an alias: `--ignore SC2086`,',
        '`"rules": { "SC2086": "error" }`, `--select SC2086` and `# hadolint ignore=SC2086` work on that code',
        "alone. Levels are ShellCheck's (error, warning, info, style) unless the config sets the rule's or",
        "the code's. As in hadolint: the script runs under the stage's `SHELL` (or `# hadolint shell=`),",
        "ARG and ENV names declared before the RUN (and the proxy variables) count as set, so SC2154 stays",
        'quiet about them; PowerShell and cmd RUNs are skipped, and so are SC2187, SC1090 and SC1091.',
        'Unlike hadolint, RUNs under shells ShellCheck cannot check (zsh, fish, python) are skipped rather',
        'than reported with SC1071 on every line, and a heredoc script keeps its own `#!` shebang.',
        '',
        'The rule needs the `shellcheck` binary (Debian and Ubuntu: `apt-get install shellcheck`; macOS:',
        '`brew install shellcheck`). It is off by default: turn it on with `dockfix lint --shellcheck`, or',
        '`"extendSelect": ["shellcheck"]` in the config. Without the binary the CLI prints one notice and',
        'the run goes on without these findings. One ShellCheck process checks all the RUNs of a file.',
      ].join('\n'),
      invalid: ['FROM debian:12\nARG SRC=/src\nRUN cp -r $SRC /app \\\n && cd /app; make\n'],
      valid: ['FROM debian:12\nARG SRC=/src\nRUN cp -r "$SRC" /app \\\n && cd /app && make\n'],
    },
  },
  create(ctx) {
    const runs: RunInstruction[] = [];
    return {
      RUN(run) {
        runs.push(run);
      },
      'Dockerfile:exit'() {
        const prepared = runs.map((run) => prepare(run, ctx.source)).filter((item): item is Prepared => item !== null);
        if (prepared.length === 0) return;
        const outcome = runShellcheck(
          prepared.map((item) => item.script),
          ctx.options.executable,
        );
        // Without ShellCheck there is nothing to report; the CLI tells the user once (shellcheckProblem).
        if (!outcome.ok) return;
        prepared.forEach((item, index) => {
          for (const comment of outcome.results[index] ?? []) {
            ctx.report({ node: rangeOf(item, comment), message: comment.message, code: `SC${comment.code}`, severity: comment.level satisfies Severity });
          }
        });
      },
    };
  },
});
