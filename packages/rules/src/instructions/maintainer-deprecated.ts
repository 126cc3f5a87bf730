import { defineRule, type Instruction } from '@dockfix/core';
import { matchCase } from '../lib/instructions.js';
import { keyValues } from '../lib/properties.js';

/** The MAINTAINER text as a double-quoted LABEL value: one pair of quotes around the whole text dropped, `"`, `$` and the escape character escaped. */
function labelValue(text: string, escapeChar: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(text);
  const inner = quoted && !(quoted[2] ?? '').includes(quoted[1] ?? '') ? (quoted[2] ?? '') : text;
  const escaped = [...inner].map((char) => (char === '"' || char === '$' || char === escapeChar ? escapeChar + char : char)).join('');
  return `"${escaped}"`;
}

function setsMaintainerLabel(ctx: { source: Parameters<typeof keyValues>[0] }, instruction: Instruction): boolean {
  return instruction.keyword === 'LABEL' && keyValues(ctx.source, instruction).some((pair) => pair.name.replace(/^["']|["']$/g, '').toLowerCase() === 'maintainer');
}

export default defineRule({
  meta: {
    id: 'maintainer-deprecated',
    category: 'instructions',
    severity: 'error',
    description: 'Use `LABEL maintainer="…"` instead of the deprecated `MAINTAINER`',
    fix: 'safe',
    sources: [
      { tool: 'hadolint', rule: 'DL4000', kind: 'same' },
      { tool: 'buildkit', rule: 'MaintainerDeprecated', kind: 'same' },
    ],
    docs: {
      rationale: [
        '`MAINTAINER` has been deprecated since Docker 1.13. It writes the image\'s `Author` field, which',
        'registries, scanners and `docker inspect --format \'{{.Config.Labels}}\'` do not show; a label is where',
        'tools look (`maintainer`, or `org.opencontainers.image.authors`). BuildKit warns about it (MaintainerDeprecated).',
      ].join('\n'),
      invalid: ['FROM debian:bookworm-slim\nMAINTAINER Jane Doe <jane@example.org>\n'],
      valid: ['FROM debian:bookworm-slim\nLABEL maintainer="Jane Doe <jane@example.org>"\n'],
      fixNotes: [
        'The fix replaces the instruction with `LABEL maintainer="…"` holding the same text: `"`, `$` and the',
        'escape character are escaped, so the label reads exactly what MAINTAINER said (variables are not',
        'expanded in MAINTAINER, so `$` must not be in the label either); a pair of quotes around the whole text',
        'is dropped, since MAINTAINER would have kept them as part of the name. When a LABEL in the stage already',
        'sets `maintainer`, the MAINTAINER line is removed instead of writing a second label. Either way only',
        'metadata changes (the `Author` field goes, a label comes): safe. No fix when the text spans continuation lines.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      MAINTAINER(instruction) {
        const args = instruction.argsRange;
        if (!args) return;
        const text = ctx.source.slice(args).trim();
        const base = { node: instruction.keywordRange, message: 'MAINTAINER is deprecated; put the author in a `maintainer` label' };
        // Before the first FROM a LABEL is a syntax error, so there is nothing safe to write.
        if (text.includes('\n') || !instruction.stage) return ctx.report(base);
        if (instruction.stage.instructions.some((other) => setsMaintainerLabel(ctx, other))) {
          return ctx.report({ ...base, fix: { title: 'Remove MAINTAINER (a LABEL already names the maintainer)', edits: [ctx.fix.removeLines(instruction.range)], instructionDelta: -1 } });
        }
        const keyword = matchCase(ctx.source.slice(instruction.keywordRange), 'LABEL');
        ctx.report({
          ...base,
          fix: {
            title: 'Replace MAINTAINER with `LABEL maintainer=…`',
            edits: [ctx.fix.replaceRange(instruction.keywordRange.start, args.end, `${keyword} maintainer=${labelValue(text, ctx.source.escapeChar)}`)],
          },
        });
      },
    };
  },
});
