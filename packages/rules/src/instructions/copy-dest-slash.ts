import { defineRule, type Instruction } from '@dockfix/core';
import { copyOperands, dropQuotes } from '../lib/instructions.js';

export default defineRule({
  meta: {
    id: 'copy-dest-slash',
    category: 'instructions',
    severity: 'error',
    description: 'End the destination of a `COPY` with several sources with `/`',
    fix: 'safe',
    sources: [{ tool: 'hadolint', rule: 'DL3021', kind: 'same' }],
    docs: {
      rationale: [
        'With more than one source, `COPY` (and `ADD`) needs a directory as destination, and the frontend only',
        'takes it as one when it ends with `/`: `COPY a b dest` fails with "When using COPY with more than one',
        'source file, the destination must be a directory and end with a /". The rule reports such a COPY;',
        'a destination written with a variable is left alone, since its value may end with `/`.',
      ].join('\n'),
      invalid: ['FROM node:22-slim\nCOPY package.json package-lock.json /app\n'],
      valid: ['FROM node:22-slim\nCOPY package.json package-lock.json /app/\n'],
      fixNotes: 'The fix appends `/` to the destination (inside its quotes). Without it the build fails, so no working build can change: safe.',
    },
  },
  create(ctx) {
    const check = (instruction: Instruction) => {
      const operands = copyOperands(ctx.source, instruction);
      if (!operands || operands.sources.length < 2) return;
      const dest = dropQuotes(operands.dest.value);
      if (dest.endsWith('/') || dest.includes('$') || dest === '') return;
      // Exec form has no range per argument: find the last string's closing quote in the array.
      let at: number;
      if (instruction.json && instruction.argsRange) {
        const text = ctx.source.slice(instruction.argsRange);
        at = instruction.argsRange.start + text.lastIndexOf('"');
      } else {
        const written = ctx.source.slice(operands.dest.range);
        at = /["']$/.test(written) && written.length > 1 ? operands.dest.range.end - 1 : operands.dest.range.end;
      }
      ctx.report({
        node: instruction.json ? (instruction.argsRange ?? instruction.range) : operands.dest.range,
        message: `\`${instruction.keyword}\` with ${operands.sources.length} sources needs a directory destination ending in \`/\``,
        fix: { title: 'Append `/` to the destination', edits: [ctx.fix.insertBefore(at, '/')] },
      });
    };
    return { COPY: check };
  },
});
