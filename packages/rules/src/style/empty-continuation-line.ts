import { defineRule } from '@dockfix/core';
import { continuedLines } from '../lib/continuation.js';

export default defineRule({
  meta: {
    id: 'empty-continuation-line',
    category: 'style',
    severity: 'warning',
    description: 'Remove empty lines inside an instruction continued with `\\`',
    fix: 'safe',
    sources: [{ tool: 'buildkit', rule: 'NoEmptyContinuation', kind: 'same' }],
    docs: {
      rationale: [
        'An empty line after a line ending in `\\` does not end the instruction: the parser skips it and joins',
        'the next line, so the instruction goes on where a reader thinks it stopped. BuildKit has deprecated',
        'this and says it will become an error in a future release. A comment line in the same place is fine.',
        'As BuildKit does, the rule reports once per instruction.',
      ].join('\n'),
      invalid: ['FROM alpine:3.22\nRUN apk add --no-cache \\\n\n    curl\n'],
      valid: ['FROM alpine:3.22\nRUN apk add --no-cache \\\n    # the client\n    curl\n'],
      fixNotes: 'The fix deletes the empty lines. Safe: the parser skips them already, so the instruction is the same.',
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        for (const instruction of ctx.model.instructions) {
          const empty = continuedLines(ctx.source, instruction).filter((line) => line.kind === 'empty');
          const first = empty[0];
          if (!first) continue;
          ctx.report({
            node: { start: first.range.start, end: first.range.start },
            message: `empty continuation line${empty.length > 1 ? 's' : ''} in \`${instruction.keyword}\``,
            fix: { title: `Delete the empty line${empty.length > 1 ? 's' : ''}`, edits: empty.map((line) => ctx.fix.replaceRange(line.range.start, line.range.end, '')) },
          });
        }
      },
    };
  },
});
