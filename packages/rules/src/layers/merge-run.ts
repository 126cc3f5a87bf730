import { defineRule, type RuleContext, type RunInstruction } from '@dockfix/core';
import { plan, sameFlags } from '../lib/merge.js';
import { isTrigger } from '../lib/stages.js';

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
        // Two `ONBUILD RUN`s could be joined too, but each is a layer of another image: hadolint's DL3059 leaves them, so does this rule.
        if (isTrigger(b)) return;
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
