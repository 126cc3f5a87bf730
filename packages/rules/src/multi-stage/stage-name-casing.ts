import { defineRule, type TextEdit } from '@dockfix/core';
import { stageReferenceRanges } from '../lib/stage-references.js';

export default defineRule({
  meta: {
    id: 'stage-name-casing',
    category: 'multi-stage',
    severity: 'style',
    description: 'Write stage names in lower case',
    fix: 'safe',
    sources: [{ tool: 'buildkit', rule: 'StageNameCasing', kind: 'same' }],
    docs: {
      rationale: [
        'BuildKit lower-cases stage names when it parses `FROM … AS Name`, so `AS Builder`, `--from=builder`',
        'and `FROM BUILDER` all name the same stage. Writing the name in lower case everywhere makes that',
        'visible, and matches what `docker build --target` and `--call=targets` print. BuildKit reports it as a',
        'warning; dockfix classes it as style, since nothing about the build changes.',
      ].join('\n'),
      invalid: ['FROM golang:1.26 AS Builder\nRUN go build -o /app .\n\nFROM alpine:3.22\nCOPY --from=Builder /app /app\n'],
      valid: ['FROM golang:1.26 AS builder\nRUN go build -o /app .\n\nFROM alpine:3.22\nCOPY --from=builder /app /app\n'],
      fixNotes: [
        'The fix lower-cases the name and every reference to the stage written with other letters (`FROM Builder`,',
        '`COPY --from=Builder`, `RUN --mount=from=Builder`). Safe: BuildKit compares stage names without case, so',
        'each reference still names the same stage.',
      ].join('\n'),
    },
  },
  create(ctx) {
    return {
      FROM(from) {
        const range = from.from.stageNameRange;
        if (!range) return;
        const written = ctx.source.slice(range);
        if (written === written.toLowerCase()) return;
        const stage = from.stage;
        const edits: TextEdit[] = [ctx.fix.replace(range, written.toLowerCase())];
        for (const reference of stage ? stageReferenceRanges(ctx.source, ctx.model, stage) : []) {
          const text = ctx.source.slice(reference);
          if (text !== text.toLowerCase()) edits.push(ctx.fix.replace(reference, text.toLowerCase()));
        }
        ctx.report({ node: range, message: `stage name \`${written}\` should be lower case`, fix: { title: `Rename the stage to \`${written.toLowerCase()}\``, edits } });
      },
    };
  },
});
