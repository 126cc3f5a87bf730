import { defineRule, type Instruction, type RunInstruction, type ShellCommand } from '@dockfix/core';
import { parseCli } from '../lib/cli.js';
import { isNeutral } from '../lib/cleanup.js';
import { workdirAt } from '../lib/stages.js';
import { TRAILING_SLASHES } from '../lib/text.js';

/** A `chown -R owner path…` or `chmod -R mode path…`, read from the shell analysis. */
interface Recursive {
  readonly tool: 'chown' | 'chmod';
  readonly value: string;
  readonly paths: readonly string[];
  readonly command: ShellCommand;
}

/** Reads `chown -R u:g dir` / `chmod -R 755 dir`; null for other commands, non-recursive calls or dynamic words. */
function recursive(command: ShellCommand): Recursive | null {
  if (command.name !== 'chown' && command.name !== 'chmod') return null;
  const call = parseCli(command);
  if (!call || call.dynamic) return null;
  const isRecursive = call.options.some((option) => option.name === 'recursive' || (!option.long && option.name.includes('R')));
  // Other options (`-h`, `--from=`, `--reference=`) do things a COPY flag cannot.
  const others = call.options.some((option) => !(option.name === 'recursive' || (!option.long && /^[Rv]+$/.test(option.name))));
  const [value, ...paths] = call.operands;
  if (!isRecursive || others || !value || paths.length === 0) return null;
  return { tool: command.name, value: value.value, paths: paths.map((path) => path.value), command };
}

/** The absolute path of a COPY destination or a RUN operand, against the WORKDIR in effect; null when unknown. */
function absolute(path: string, at: Instruction): string | null {
  if (path.includes('$')) return null;
  if (path.startsWith('/')) return path.replace(TRAILING_SLASHES, '') || '/';
  const workdir = workdirAt(at);
  if (workdir === null) return null;
  const joined = path === '.' || path === './' ? workdir : `${workdir.replace(/\/$/, '')}/${path.replace(/^\.\//, '')}`;
  return joined.replace(TRAILING_SLASHES, '') || '/';
}

export default defineRule({
  meta: {
    id: 'chown-after-copy',
    category: 'layers',
    severity: 'warning',
    description: 'Set owner and mode with `COPY --chown`/`--chmod` instead of a `chown -R`/`chmod -R` RUN after the COPY',
    fix: 'unsafe',
    docs: {
      rationale: [
        'A layer stores whole files. `COPY . /app` followed by `RUN chown -R app:app /app` writes every file of',
        '`/app` a second time, in the RUN\'s layer, only to change its owner: the image carries the tree twice.',
        'A 200 MB `node_modules` becomes 400 MB. `COPY --chown=app:app . /app` writes the files once, already',
        'owned by `app`. The same holds for `chmod -R` and `COPY --chmod=755` (Dockerfile syntax ≥ 1.2 with',
        'BuildKit; octal modes everywhere, symbolic ones such as `u+x` only from syntax 1.10 / Docker 25).',
        '',
        'The rule reports a RUN whose `chown -R`/`chmod -R` targets exactly the destination of an earlier COPY',
        'or ADD of the same stage.',
      ].join('\n'),
      invalid: ['FROM node:22-slim\nWORKDIR /app\nCOPY . /app\nRUN chown -R node:node /app\nUSER node\nCMD ["node", "server.js"]\n'],
      valid: ['FROM node:22-slim\nWORKDIR /app\nCOPY --chown=node:node . /app\nUSER node\nCMD ["node", "server.js"]\n'],
      fixNotes: [
        'The fix moves the owner or mode into the COPY as `--chown=`/`--chmod=` and deletes the RUN. It is',
        'offered only when the RUN does nothing else, targets exactly that COPY\'s destination, and no',
        'instruction between them writes there. It is unsafe: `chown -R` also changed files that were in the',
        'directory before the COPY (from the base image or an earlier COPY) and the directory itself, which',
        '`--chown` does not touch when it already existed; `--chmod` needs BuildKit; and a named owner must',
        'exist in the image\'s `/etc/passwd` when the COPY runs, as it did for the RUN.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      RUN(run) {
        if (run.onbuild) return;
        const script = run.run.script;
        if (!script || script.hasError) return;
        const stage = run.stage;
        if (!stage) return;
        const calls = script.commands.map(recursive).filter((call): call is Recursive => call !== null);
        for (const call of calls) {
          for (const raw of call.paths) {
            const target = absolute(raw, run);
            if (target === null) continue;
            const copy = stage.instructions
              .filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.index < run.index && !i.json && !i.onbuild && i.args.length >= 2)
              .reverse()
              .find((i) => absolute(i.args.at(-1)?.value ?? '', i) === target);
            if (!copy) continue;
            const flag = call.tool === 'chown' ? 'chown' : 'chmod';
            const line = ctx.source.lineColumnAt(copy.range.start).line;
            const alone = calls.length === 1 && call.paths.length === 1 && script.commands.every((c) => c === call.command || isNeutral(c));
            const between = stage.instructions.some((i) => i.index > copy.index && i.index < run.index && ['RUN', 'COPY', 'ADD'].includes(i.keyword));
            const hasFlag = copy.flags.some((f) => f.name === flag);
            const octal = call.tool === 'chown' || /^[0-7]{3,4}$/.test(call.value);
            const fixable = alone && !between && !hasFlag && octal && !run.flags.length;
            ctx.report({
              node: call.command.range,
              message: `\`${call.tool} -R\` rewrites the files the COPY on line ${line} brought in, storing them twice`,
              help: `Use \`COPY --${flag}=${call.value}\` on line ${line}${flag === 'chmod' ? (octal ? ' (BuildKit, Dockerfile syntax ≥ 1.2)' : ' (symbolic modes need Dockerfile syntax ≥ 1.10)') : ''}; the files are then written once.`,
              ...(fixable
                ? {
                    fix: {
                      title: `Move the ${flag === 'chown' ? 'owner' : 'mode'} into \`COPY --${flag}=${call.value}\` and delete the RUN`,
                      edits: [ctx.fix.insertAfter(copy.keywordRange, ` --${flag}=${call.value}`), ctx.fix.removeLines(run as RunInstruction)],
                      safety: 'unsafe' as const,
                      instructionDelta: -1,
                    },
                  }
                : {}),
            });
          }
        }
      },
    };
  },
});
