import { defineRule, type Instruction, type RuleContext, type RunInstruction, type ShellScript, type ShellWord, type TextEdit } from '@dockfix/core';

/** Builtins whose effect outlives them in the running shell: after a merge they would reach the second RUN's commands. */
const STATE_COMMANDS = new Set([
  '.',
  'alias',
  'cd',
  'declare',
  'emulate',
  'enable',
  'eval',
  'exec',
  'exit',
  'export',
  'getopts',
  'hash',
  'let',
  'local',
  'mapfile',
  'popd',
  'pushd',
  'read',
  'readarray',
  'readonly',
  'return',
  'set',
  'setopt',
  'shift',
  'shopt',
  'source',
  'trap',
  'typeset',
  'ulimit',
  'umask',
  'unalias',
  'unset',
  'unsetopt',
]);

/** Shell options a `set` command turns on and off (`-eux`, `-o pipefail`, `+e`), and whether it also sets positional parameters. */
function setOptions(args: readonly ShellWord[]): { on: Set<string>; off: Set<string>; positional: boolean } {
  const on = new Set<string>();
  const off = new Set<string>();
  let positional = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]?.value ?? '';
    const match = /^([-+])([A-Za-z]+)$/.exec(word);
    if (!match || args[i]?.dynamic) {
      positional = true; // `set -- a b`, `set a b` or something only known at build time
      continue;
    }
    const target = match[1] === '-' ? on : off;
    for (const letter of match[2] ?? '') {
      if (letter === 'o') {
        const name = args[i + 1]?.value;
        if (name && !name.startsWith('-') && !name.startsWith('+')) {
          target.add(`o:${name}`);
          i++;
        }
      } else target.add(letter);
    }
  }
  return { on, off, positional };
}

/** Options that only change what the build log shows (`xtrace`, `verbose`). */
const LOG_OPTIONS = new Set(['x', 'v', 'o:xtrace', 'o:verbose']);

/** The options a script turns on with a `set` at its very start (`RUN set -eux; …`): they override whatever came before. */
function leadingSetOptions(script: ShellScript | undefined): Set<string> {
  const first = script?.commands[0];
  if (!script || !first || first.name !== 'set' || first.inSubshell || first.range.start !== script.statements[0]?.range.start) return new Set();
  return setOptions(first.args).on;
}

/**
 * Why a merge may not mean the same as the two RUNs: what the first RUN leaves behind in the shell.
 * Options the first RUN turns on with `set` do not count when the second starts by turning on the
 * same ones (the docker-library `RUN set -eux; …` style).
 */
export function carriedState(script: ShellScript, next?: ShellScript): string | null {
  const restored = leadingSetOptions(next);
  // Functions first: the commands in their bodies (`local`, `return`) only run when called.
  const definitions = [...script.definitions.filter((d) => d.kind === 'function'), ...script.definitions.filter((d) => d.kind !== 'function')];
  const definition = definitions.find((d) => !d.inSubshell);
  if (definition?.kind === 'function') return `the function \`${definition.name}\` defined in the first RUN would be visible in the second`;
  for (const command of script.commands) {
    if (command.inSubshell) continue;
    // A dynamic name could expand to `cd`; one with a `/` is a path to a program, which cannot touch this shell.
    if (command.nameWord.dynamic && !command.nameWord.text.includes('/')) return `\`${command.nameWord.text}\` runs a command known only at build time, which could change the shell`;
    let name = command.name;
    let args = command.args;
    if ((name === 'builtin' || name === 'command') && args[0]) {
      name = args[0].value;
      args = args.slice(1);
    }
    if (name === 'set') {
      const { on, off, positional } = setOptions(args);
      const lasting = [...on].filter((option) => !LOG_OPTIONS.has(option) && !restored.has(option));
      if (!positional && lasting.length === 0 && [...off].every((option) => LOG_OPTIONS.has(option))) continue;
    }
    if (STATE_COMMANDS.has(name)) return `\`${name}\` in the first RUN would also affect the second`;
    if (name === 'printf' && args.some((arg) => arg.value === '-v')) return '`printf -v` in the first RUN would set a variable for the second';
    if (name === ':' && command.assignments.length > 0) return 'an assignment in the first RUN would carry over to the second';
  }
  if (definition) return `the variable \`${definition.name}\` set in the first RUN would be visible in the second`;
  // Expansions assign inside double quotes too, so these two look at the text as written.
  if (/\$\{[A-Za-z_][A-Za-z0-9_]*:?=/.test(script.text)) return 'a `${VAR:=…}` assignment in the first RUN would carry over to the second';
  if (/\(\([^)]*(\+\+|--|[^=!<>]=[^=])/.test(script.text)) return 'a `((…))` assignment in the first RUN would carry over to the second';
  const unquoted = script.text.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""');
  if (/(^|[^&|<>\\])&(?![&>])/.test(unquoted)) return 'a background job (`&`) of the first RUN would keep running during the second';
  return null;
}

/** The offset just past the last non-blank character before `end`. */
function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1] ?? '')) at--;
  return at;
}

/** True for a comment that scopes rules to the next instruction; merging would move its scope. */
function isPragma(comment: string): boolean {
  return /^#\s*(dockfix-ignore|hadolint\s)/.test(comment.trim());
}

/** True when both RUNs carry the same flags (`--mount`, `--network`, …), in any order. */
function sameFlags(ctx: RuleContext, a: Instruction, b: Instruction): boolean {
  const flagsOf = (run: Instruction) => run.flags.map((flag) => ctx.source.slice(flag.range)).sort().join(' ');
  return flagsOf(a) === flagsOf(b);
}

type Plan = { edits: TextEdit[]; unsafeBecause: string | null } | { noFix: string };

/** How to join B onto A, or why that cannot be done mechanically. */
function plan(ctx: RuleContext, a: RunInstruction, b: RunInstruction): Plan {
  const sa = a.run.script;
  const sb = b.run.script;
  if (a.run.form !== 'shell' || b.run.form !== 'shell') return { noFix: `${a.run.form !== 'shell' ? 'the first' : 'this'} RUN is in ${a.run.form !== 'shell' ? a.run.form : b.run.form} form` };
  if (!sa || !sb) return { noFix: 'the shell is not a POSIX shell' };
  if (sa.hasError || sb.hasError) return { noFix: 'the shell code does not parse' };
  if (sa.statements.length === 0 || sb.statements.length === 0) return { noFix: 'one RUN has no command' };
  if (sa.comments.length > 0) return { noFix: 'the first RUN has a shell comment, which would swallow the join' };
  const lastA = sa.statements.at(-1);
  const lastB = sb.statements.at(-1);
  if (lastA?.terminator?.text === '&' || lastB?.terminator?.text === '&') return { noFix: 'a RUN ends with a background job (`&`)' };
  // `A && B1; B2` would run B2 even when A fails, and `A && B1 || B2` would hide A's failure: group B.
  const group = sb.statements.length > 1 || (sb.statements[0]?.operators.includes('||') ?? false);
  if (group && sb.comments.length > 0) return { noFix: 'this RUN has a shell comment and needs grouping' };

  const { text } = ctx.source;
  const aEnd = trimEnd(text, a.range.start, a.range.end);
  const bStart = b.run.body?.start ?? b.range.start;
  const gapComments = ctx.model.comments.filter((comment) => comment.range.start >= aEnd && comment.range.end <= bStart);
  if (gapComments.some((comment) => isPragma(comment.text))) return { noFix: 'a pragma comment between them would change scope' };

  // `A1; A2;` + `&& B` is a syntax error: drop A's final `;` (`A1; A2 && B` keeps the meaning).
  const terminator = lastA?.terminator?.text === ';' && lastA.terminator.range.end === aEnd ? lastA.terminator : null;
  const joinStart = terminator ? trimEnd(text, a.range.start, terminator.range.start) : aEnd;
  const eol = ctx.source.eolAt(aEnd);
  const multiline = ctx.source.lineStartAt(aEnd) > ctx.source.lineStartAt(a.range.start);
  const indent = multiline ? ctx.source.indentAt(aEnd) : '    ';
  const kept = gapComments.map((comment) => text.slice(ctx.source.lineStartAt(comment.range.start), comment.range.end) + eol).join('');
  const edits = [ctx.fix.replaceRange(joinStart, bStart, ` && ${ctx.source.escapeChar}${eol}${kept}${indent}${group ? '{ ' : ''}`)];
  if (group) {
    const bEnd = trimEnd(text, bStart, b.range.end);
    edits.push(ctx.fix.insertAfter(bEnd, lastB?.terminator?.text === ';' ? ' }' : '; }'));
  }
  return { edits, unsafeBecause: carriedState(sa, sb) };
}

export default defineRule({
  meta: {
    id: 'merge-run',
    category: 'layers',
    severity: 'info',
    description: 'Merge consecutive RUN instructions into one',
    fix: 'safe',
    sources: [{ tool: 'hadolint', rule: 'DL3059', kind: 'same' }],
    options: {
      maxCommands: {
        type: 'number',
        description: 'Stay quiet when either RUN has more than this many commands (0: no limit). 2 matches hadolint.',
        default: 2,
      },
    },
    docs: {
      rationale: [
        'Every `RUN` adds a layer. Files that one `RUN` creates and a later one deletes stay in the image',
        '(the earlier layer still holds them), each layer adds metadata and a pull round trip, and a cached',
        '`RUN apt-get update` followed by a separate `RUN apt-get install` installs from a stale index.',
        'Consecutive `RUN`s with nothing between them (comments and blank lines aside) can almost always be',
        'one `RUN` joined with `&&`.',
        '',
        'Keeping them apart is sometimes deliberate (a slow, rarely changing step cached on its own), so the',
        'rule is informational and, like hadolint\'s DL3059, stays quiet when the flags differ (a different',
        '`--mount` is a different step) or either `RUN` already chains more than `maxCommands` commands (a long',
        '`RUN set -eux; …` block is a deliberate unit). Set `maxCommands` to 0 to report every pair.',
      ].join('\n'),
      invalid: [
        'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
        'FROM alpine:3.20\nRUN apk add --no-cache git\n# fetch sources\nRUN git clone https://example.com/repo.git /src\n',
      ],
      valid: [
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        'FROM alpine:3.20\nRUN apk add --no-cache git\nWORKDIR /src\nRUN git clone https://example.com/repo.git .\n',
      ],
      fixNotes: [
        'The fix appends ` && \\` to the first `RUN`, drops blank lines and the second `RUN` keyword, and keeps',
        'comment lines in between (BuildKit ignores comment lines inside a continuation). When the second',
        '`RUN` has several statements or a top-level `||`, it is grouped as `{ …; }` so that a failure of the',
        'first `RUN` still fails the build.',
        '',
        'Safe when both `RUN`s are shell form with the same flags, parse cleanly, and the first one changes',
        'nothing that its shell would carry into the second: no `cd`, `export`, `set`, `source`, `umask`,',
        '`exit`, `exec`, variable assignments, function definitions, background jobs, and the like (inside a',
        '`( … )` subshell they are fine). Two kinds of `set` are harmless: `set -x`/`set -v` only change the',
        'build log, and options the second `RUN` turns on again first thing (`RUN set -eux; …` after',
        '`RUN set -eux; …`) are the same either way. With any other such command the same fix is offered as',
        'unsafe. What the second `RUN` does cannot leak into the first, so only the first is checked.',
        '',
        'No fix is offered (the rule only reports) when a `RUN` is in exec or heredoc form',
        'or uses a non-POSIX shell, the first `RUN` has a shell comment (the join would become part of it),',
        'a `RUN` ends in `&`, or a `# dockfix-ignore`/`# hadolint ignore` pragma sits between them.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      RUN(b) {
        const a = ctx.model.instructions[b.index - 1];
        if (!a || a.keyword !== 'RUN' || a.stage !== b.stage || !a.run) return;
        const first = a as RunInstruction;
        if (!sameFlags(ctx as RuleContext, first, b)) return;
        const maxCommands = Number(ctx.options.maxCommands ?? 2);
        const commandCount = (run: RunInstruction) => run.run.script?.commands.length ?? 1;
        if (maxCommands > 0 && (commandCount(first) > maxCommands || commandCount(b) > maxCommands)) return;
        const line = ctx.source.lineColumnAt(a.range.start).line;
        const result = plan(ctx as RuleContext, first, b);
        const message = `Merge this RUN into the one on line ${line} to save a layer`;
        if ('noFix' in result) {
          ctx.report({ node: b.keywordRange, message: `${message} (no auto-fix: ${result.noFix})` });
          return;
        }
        ctx.report({
          node: b.keywordRange,
          message,
          fix: {
            title: `Join with the RUN on line ${line} using \`&&\`${result.unsafeBecause ? ` (unsafe: ${result.unsafeBecause})` : ''}`,
            edits: result.edits,
            safety: result.unsafeBecause ? 'unsafe' : 'safe',
            instructionDelta: -1,
          },
        });
      },
    };
  },
});
