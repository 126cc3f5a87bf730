import { defineRule, parseShell, prepareShellText, type Instruction, type RuleContext, type ShellCommand, type ShellScript, type TextEdit } from '@dockfix/core';
import { stageChain } from '../lib/images.js';
import { jsonStrings, toJsonArray } from '../lib/json-args.js';

/** Builtins and keywords that only exist inside a shell: a command starting with one cannot become exec form. */
const SHELL_ONLY = new Set(['cd', 'export', 'source', '.', 'set', 'unset', 'eval', 'ulimit', 'umask', 'trap', 'wait', 'exit', 'alias', 'shift', 'read', 'local', 'declare', 'readonly', 'typeset', ':']);
const SHELLS = /^(?:\/usr)?(?:\/bin\/)?(sh|bash|ash|dash|zsh|ksh|mksh)$/;

/** True when `SHELL` is set in the stage or a stage it builds on before `instruction`: BuildKit then accepts shell form. */
function explicitShell(instruction: Instruction): boolean {
  const stage = instruction.stage;
  if (!stage) return false;
  // A trigger (`ONBUILD CMD …`) takes effect after the whole stage, so any SHELL of the stage counts.
  const before = instruction.onbuild ? Infinity : instruction.index;
  return stageChain(stage).some((current) => current.instructions.some((other) => other.keyword === 'SHELL' && (current !== stage || other.index < before)));
}

/** The last top-level statement's last command, when `exec` can go in front of it: a simple command, alone or ending an `&&` list. */
function execTarget(script: ShellScript): ShellCommand | null {
  const last = script.statements.at(-1);
  if (!last || last.terminator?.text === '&') return null;
  if (last.type !== 'command' && last.type !== 'redirected_statement' && !(last.type === 'list' && last.operators.every((op) => op === '&&'))) return null;
  const inside = script.commands.filter((command) => command.range.start >= last.range.start && command.range.end <= last.range.end);
  const command = inside.at(-1);
  if (!command || command.inPipeline || command.inSubshell || !command.unconditional || command.nameWord.dynamic) return null;
  if (script.commands.some((other) => other.name === 'trap')) return null;
  return command;
}

/** `npm start`, `yarn start`, `npm run serve`: a package manager in front of the app. */
function packageManagerStart(command: ShellCommand | undefined): string | null {
  if (!command) return null;
  const name = command.name.split('/').at(-1) ?? '';
  if (!['npm', 'yarn', 'pnpm'].includes(name)) return null;
  const first = command.args[0]?.value;
  return first === 'start' || first === 'run' || first === 'run-script' ? name : null;
}

function npmNote(manager: string): string {
  return ` \`${manager}\` itself does not reliably pass SIGTERM on to the app either: run the app directly (\`CMD ["node", "server.js"]\`)`;
}

export default defineRule({
  meta: {
    id: 'exec-form-cmd',
    category: 'runtime',
    severity: 'warning',
    description: 'Write CMD and ENTRYPOINT in exec (JSON) form, and `exec` the last command of a `sh -c` wrapper, so the app is PID 1 and gets SIGTERM',
    fix: 'unsafe',
    sources: [
      { tool: 'buildkit', rule: 'JSONArgsRecommended', kind: 'same' },
      { tool: 'hadolint', rule: 'DL3025', kind: 'same' },
    ],
    docs: {
      rationale: [
        '`CMD node server.js` (shell form) runs `/bin/sh -c "node server.js"`: the shell is PID 1 and the app its',
        'child. `docker stop` sends SIGTERM to PID 1 only; `sh` does not pass it on, so the app never hears it,',
        'cannot close connections or finish requests, and is killed with SIGKILL after the 10-second grace',
        'period. Every deploy and scale-down then takes 10 s per container and drops in-flight work. In exec',
        'form (`CMD ["node", "server.js"]`) the app is PID 1 and gets the signal.',
        '',
        'The same happens in exec form when the command is a shell wrapper: `CMD ["sh", "-c", "java $JAVA_OPTS',
        '-jar app.jar"]` keeps `sh` as PID 1 (whether the shell replaces itself with the last command of a `-c`',
        'string depends on which shell the image has). `exec java …` makes the replacement explicit.',
        '',
        '`CMD npm start` is doubly affected: npm runs the start script in yet another shell and does not',
        'reliably forward signals to it, so even the exec form `["npm", "start"]` leaves the app without',
        'SIGTERM; run the app directly.',
        '',
        'Like BuildKit\'s JSONArgsRecommended, the rule skips stages with an explicit `SHELL` and Windows',
        'images. Unlike it, a shell-form command that already starts its last command with `exec`',
        '(`CMD exec node server.js`, or `cd /app && exec node server.js`) is accepted: the app is PID 1 and',
        'the shell form is needed for the variable expansion. A shell-form ENTRYPOINT also ignores CMD and',
        '`docker run` arguments.',
        '',
        "Unlike hadolint's DL3025, `HEALTHCHECK CMD` in shell form is not reported: the check is a short-lived",
        'process the container starts now and then, not PID 1, so no signal is lost, and the shell form is',
        'what makes `curl -f http://localhost/ || exit 1` work.',
      ].join('\n'),
      invalid: [
        'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nCMD npm start\n',
        'FROM eclipse-temurin:21-jre\nCOPY app.jar /app/app.jar\nCMD ["sh", "-c", "java $JAVA_OPTS -jar /app/app.jar"]\n',
        'FROM python:3.13-slim\nENTRYPOINT python -m app --port $PORT\n',
      ],
      valid: [
        'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
        'FROM eclipse-temurin:21-jre\nCOPY app.jar /app/app.jar\nCMD ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]\n',
        'FROM python:3.13-slim\nENTRYPOINT exec python -m app --port "$PORT"\n',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ping -t localhost\n',
      ],
      fixNotes: [
        'Unsafe: the process tree changes. With the exec form there is no shell, so `$VAR`, `~`, globs, pipes,',
        '`&&` and redirections stop working; the fix uses it only when the command has none of them. Otherwise',
        'it keeps the shell and puts `exec` in front of the last command (`cd /app && exec node server.js`),',
        'which works when that command is a simple command alone or at the end of an `&&` list. A',
        'shell-form ENTRYPOINT turned into exec form starts receiving CMD as arguments. As PID 1 the app must',
        'handle SIGTERM itself (or run under `docker run --init`).',
      ].join('\n'),
    },
  },
  create(ctx) {
    const check = (instruction: Instruction) => {
      const stage = instruction.stage;
      if (!stage || stage.windows || !instruction.argsRange || explicitShell(instruction)) return;
      if (instruction.json) checkWrapper(ctx, instruction, instruction.json);
      else checkShellForm(ctx, instruction);
    };
    return { CMD: check, ENTRYPOINT: check };
  },
});

function checkShellForm(ctx: RuleContext, instruction: Instruction): void {
  const range = instruction.argsRange as { start: number; end: number };
  const text = ctx.source.slice({ start: range.start, end: instruction.range.end });
  const keyword = instruction.keyword;
  const written = text.trim().split(/\r?\n/)[0] ?? '';
  const shown = written.length > 40 ? `${written.slice(0, 37)}…` : written;
  if (text.trimStart().startsWith('[')) {
    ctx.report({
      node: instruction.range,
      message: `\`${keyword} ${shown}\` is not valid JSON, so Docker runs it under \`/bin/sh -c\``,
      help: 'Exec form needs double-quoted strings.',
    });
    return;
  }
  const script = parseShell(text, prepareShellText(text, ctx.source.escapeChar, true), range.start);
  const entrypointNote = keyword === 'ENTRYPOINT' ? ' A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments.' : '';
  const first = script.commands[0];
  const manager = packageManagerStart(first);
  const short = written.length > 30 ? `${written.slice(0, 29)}…` : written;
  const headline = `\`${keyword} ${short}\` runs under \`/bin/sh -c\`, which does not pass SIGTERM on`;
  const report = (advice: string, fix?: { title: string; edits: TextEdit[] }) =>
    ctx.report({
      node: instruction.range,
      message: headline,
      help: `The shell is PID 1 and does not pass \`docker stop\`'s SIGTERM on, so the app is killed after the 10 s grace period instead of shutting down; ${advice}.${entrypointNote}${manager ? npmNote(manager) : ''}`,
      ...(fix ? { fix } : {}),
    });

  if (script.hasError || !first) {
    report('use the exec form');
    return;
  }
  const statement = script.statements[0];
  const simple =
    script.statements.length === 1 &&
    script.commands.length === 1 &&
    statement?.type === 'command' &&
    statement.terminator === null &&
    first.assignments.length === 0 &&
    !SHELL_ONLY.has(first.name) &&
    [first.nameWord, ...first.args].every((word) => !word.dynamic && !word.text.startsWith('~') && !/[\\\n]/.test(word.value));
  if (first.name === 'exec' && script.commands.length === 1) return;
  if (simple) {
    const json = toJsonArray([first.nameWord, ...first.args].map((word) => word.value));
    report(`use the exec form \`${keyword} ${json}\``, { title: `Use the exec form \`${keyword} ${json}\``, edits: [ctx.fix.replaceRange(range.start, trimmedEnd(ctx, instruction), json)] });
    return;
  }
  const target = execTarget(script);
  if (target?.name === 'exec') return;
  if (!target) {
    report('use the exec form, or start the last command with `exec`');
    return;
  }
  // `exec` goes after the command's assignments: `PORT=8080 exec node …` (exec keeps them in the
  // program's environment); `exec PORT=8080 node` would try to run a program called `PORT=8080` (W2).
  report(`it uses shell features, so keep the shell and start the last command with \`exec\` (\`exec ${target.name} …\`)`, {
    title: `Start \`${target.name}\` with \`exec\``,
    edits: [ctx.fix.insertBefore(target.nameWord.range.start, 'exec ')],
  });
}

/** Where the instruction's own text ends, before trailing blanks and the line break. */
function trimmedEnd(ctx: RuleContext, instruction: Instruction): number {
  let end = instruction.range.end;
  while (end > 0 && /\s/.test(ctx.source.text[end - 1] ?? '')) end--;
  return end;
}

/** `["sh", "-c", "…"]`: the app is a child of the shell unless the last command is exec'ed. */
function checkWrapper(ctx: RuleContext, instruction: Instruction, json: readonly string[]): void {
  const shell = json[0] ?? '';
  const flag = json[1] ?? '';
  const body = json[2];
  if (!SHELLS.test(shell) || !/^-[a-z]*c[a-z]*$/.test(flag) || body === undefined) return;
  const script = parseShell(body, body, 0);
  if (script.hasError || script.commands.length === 0) return;
  const target = execTarget(script);
  if (!target || target.name === 'exec' || SHELL_ONLY.has(target.name)) return;
  const range = instruction.argsRange as { start: number; end: number };
  const strings = jsonStrings(ctx.source.slice({ start: range.start, end: instruction.range.end }), range.start);
  const literal = strings?.[2];
  const at = literal?.offsets[target.nameWord.range.start];
  const edit: TextEdit | null = at === undefined ? null : ctx.fix.insertBefore(at, 'exec ');
  const manager = packageManagerStart(target);
  ctx.report({
    node: literal?.range ?? instruction.range,
    message: `\`${shell} -c\` runs \`${target.name}\` as its child; start it with \`exec\` so it gets SIGTERM`,
    help: `Depending on the image's shell, the shell stays PID 1 and \`${target.name}\` never gets \`docker stop\`'s SIGTERM; \`exec\` makes it replace the shell.${manager ? npmNote(manager) : ''}`,
    ...(edit ? { fix: { title: `Start \`${target.name}\` with \`exec\``, edits: [edit] } } : {}),
  });
}
