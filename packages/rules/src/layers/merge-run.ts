import { commentsIn, defineRule, type Instruction, type RuleContext, type RunInstruction } from '@dockfix/core';
import { plan, sameFlags, trimEnd } from '../lib/merge.js';
import { isTrigger } from '../lib/stages.js';
import { hasNoShell, installThenBuild, logicalSteps, replacesShell, setsPersistentEnvironment } from '../lib/run-groups.js';

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
        description: 'Stay quiet when the merged RUN would have more than this many steps (index refreshes and cleanups do not count; 0: no limit).',
        default: 4,
      },
      mergeAcrossComments: {
        type: 'boolean',
        description: 'Also join RUNs separated by comment lines, moving the comments above the merged RUN.',
        default: false,
      },
    },
    docs: {
      rationale: [
        'Every `RUN` adds a layer. Files that one `RUN` creates and a later one deletes stay in the image',
        '(the earlier layer still holds them), each layer adds metadata and a pull round trip, and a cached',
        '`RUN apt-get update` followed by a separate `RUN apt-get install` installs from a stale index.',
        'Consecutive `RUN`s of one step can almost always be one `RUN` joined with `&&`.',
        '',
        'Keeping them apart is often deliberate, so the rule is informational and stays quiet when:',
        '',
        '- a comment line sits between them: comments mark groups (`# install SQL Server drivers`), and one',
        '  giant `RUN` would throw away the layer cache of unrelated steps (hadolint\'s DL3059 reports them',
        '  anyway); set `mergeAcrossComments` to join them too, with the comments moved above;',
        '- the merged `RUN` would have more than `maxCommands` steps (default 4; `apt-get update` and cleanups',
        '  such as `rm -rf /var/lib/apt/lists/*` do not count as steps). hadolint\'s DL3059 leaves two `RUN`s',
        '  apart as soon as either is a chain (`RUN a && b` then `RUN c`); `maxCommands: 2` answers as it does;',
        '- one `RUN` installs packages and the other builds the app: separate, a source change reruns only the build;',
        '- the first `RUN` replaces the shell the next one starts with (`ln -sf /bin/bash /bin/sh`, `rm /bin/sh`,',
        '  `dpkg-reconfigure dash`), or is a Windows `setx`, whose new environment only later processes see;',
        '- either is in exec form in a stage without a shell (`scratch`, distroless);',
        '- the flags differ (a different `--mount` is a different step).',
      ].join('\n'),
      invalid: [
        'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
        'FROM alpine:3.20\nRUN apk add --no-cache git\nRUN git clone https://example.com/repo.git /src\n',
      ],
      valid: [
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        'FROM alpine:3.20\nRUN apk add --no-cache git\nWORKDIR /src\nRUN git clone https://example.com/repo.git .\n',
        'FROM alpine:3.20\n# tools\nRUN apk add --no-cache git\n# sources\nRUN git clone https://example.com/repo.git /src\n',
        'FROM debian:bookworm-slim\nRUN ln -sf /bin/bash /bin/sh\nRUN source /etc/profile && make\n',
      ],
      fixNotes: [
        'The fix appends ` && \\` to the first `RUN`, drops blank lines and the second `RUN` keyword; with',
        '`mergeAcrossComments`, comment lines in between move above the merged `RUN`. When the second',
        '`RUN` has several statements or a top-level `||`, it is grouped as `{ …; }` so that a failure of the',
        'first `RUN` still fails the build.',
        '',
        'Safe when both `RUN`s are shell form with the same flags, parse cleanly, and the first one changes',
        'nothing that its shell would carry into the second: no `cd`, `export`, `set`, `source`, `umask`,',
        '`exit`, `exec`, variable assignments, function definitions, background jobs, a replaced `/bin/sh`, and the like (inside a',
        '`( … )` subshell they are fine). Two kinds of `set` are harmless: `set -x`/`set -v` only change the',
        'build log, and options the second `RUN` turns on again first thing (`RUN set -eux; …` after',
        '`RUN set -eux; …`) are the same either way. With any other such command the same fix is offered as',
        'unsafe. What the second `RUN` does cannot leak into the first, so only the first is checked.',
        '',
        'No fix is offered (the rule only reports) when a `RUN` is in exec or heredoc form',
        'or uses a non-POSIX shell, the first `RUN` has a shell comment (the join would become part of it),',
        'a `RUN` ends in `&`, or (with `mergeAcrossComments`) a `# dockfix-ignore`/`# hadolint ignore` pragma sits between them.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const maxCommands = Number(ctx.options.maxCommands ?? 4);
    const acrossComments = ctx.options.mergeAcrossComments === true;
    const roots = new Map<Instruction, Instruction>();
    return {
      RUN(b) {
        // Two `ONBUILD RUN`s could be joined too, but each is a layer of another image: hadolint's DL3059 leaves them, so does this rule.
        if (isTrigger(b)) return;
        const a = ctx.model.instructions[b.index - 1];
        if (!a || a.keyword !== 'RUN' || a.stage !== b.stage || !a.run) return;
        const first = a as RunInstruction;
        if (!sameFlags(ctx as RuleContext, first, b)) return;
        if (keptApart(ctx as RuleContext, first, b, maxCommands, acrossComments)) return;
        const line = ctx.source.lineColumnAt(a.range.start).line;
        const result = plan(ctx as RuleContext, first, b, { hoistComments: acrossComments, chainIndent: chainIndent(ctx as RuleContext, first, roots) });
        const message = `Merge this RUN into the one on line ${line} to save a layer`;
        const help = HELP;
        if ('noFix' in result) {
          ctx.report({ node: b.keywordRange, message, help: `${help}\n\nNo automatic fix: ${result.noFix}.` });
          return;
        }
        ctx.report({
          node: b.keywordRange,
          message,
          help: result.unsafeBecause ? `${help}\n\nThe fix is unsafe: ${result.unsafeBecause}.` : help,
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

const HELP = 'Each RUN is a layer. Files one RUN creates and a later one deletes stay in the earlier layer, and each layer costs a pull round trip; join consecutive RUNs of the same step with `&&`.';

/**
 * True when the two RUNs are better left as they are: a comment between them marks two groups, they are
 * different cache steps (packages, then the app's build), merged they would exceed `maxCommands` steps,
 * or the first changes what starts the second (a new /bin/sh, `setx`), so that merging breaks the build.
 */
function keptApart(ctx: RuleContext, a: RunInstruction, b: RunInstruction, maxCommands: number, acrossComments: boolean): boolean {
  const gap = commentsIn(ctx.model, a.range.end, b.range.start).filter((comment) => comment.range.end <= b.range.start);
  if (gap.length > 0 && !acrossComments) return true;
  if ((a.run.form === 'exec' || b.run.form === 'exec') && hasNoShell(b)) return true;
  if (maxCommands > 0 && logicalSteps(a) + logicalSteps(b) > maxCommands) return true;
  if (installThenBuild(a, b)) return true;
  if (a.run.script && replacesShell(a.run.script, a.run.shell)) return true;
  if (!a.run.script && setsPersistentEnvironment(ctx.source.slice(a.range))) return true;
  return false;
}

/**
 * The indentation a merge into one-line `a` should use: that of the first RUN of the run of
 * consecutive RUNs `a` ends, when that one spans lines. A chain of RUNs merges in one pass, each
 * merge planned on the original text: with four spaces for the one-line RUNs and the first RUN's own
 * indentation for the first merge, the lines did not line up, and `format` read the deeper ones as
 * nested (8 spaces instead of 4).
 */
function chainIndent(ctx: RuleContext, a: RunInstruction, roots: Map<Instruction, Instruction>): string | undefined {
  const root = chainRoot(ctx, a, roots);
  if (root === a) return undefined;
  const end = trimEnd(ctx.source.text, root.range.start, root.range.end);
  return ctx.source.lineStartAt(end) > ctx.source.lineStartAt(root.range.start) ? ctx.source.indentAt(end) : undefined;
}

/**
 * The first RUN of the run of consecutive RUNs (of one stage) that ends with `a`. Remembered per
 * instruction: walking back from every RUN made a file of 100k consecutive RUNs quadratic.
 */
function chainRoot(ctx: RuleContext, a: Instruction, roots: Map<Instruction, Instruction>): Instruction {
  const walked: Instruction[] = [];
  let root: Instruction = a;
  for (;;) {
    const known = roots.get(root);
    if (known) {
      root = known;
      break;
    }
    walked.push(root);
    const previous = ctx.model.instructions[root.index - 1];
    if (previous?.keyword !== 'RUN' || previous.stage !== a.stage) break;
    root = previous;
  }
  for (const instruction of walked) roots.set(instruction, root);
  return root;
}
