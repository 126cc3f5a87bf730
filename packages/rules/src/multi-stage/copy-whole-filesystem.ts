import { defineRule, findStage } from '@dockfix/core';
import { baseImageOf } from '../lib/images.js';
import { copyOperands, dropQuotes } from '../lib/instructions.js';

export default defineRule({
  meta: {
    id: 'copy-whole-filesystem',
    category: 'multi-stage',
    severity: 'warning',
    description: 'Do not copy the whole filesystem of another stage (`COPY --from=x / /`)',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3067', kind: 'same' }],
    docs: {
      rationale: [
        '`COPY --from=build / /` copies every file of the other stage, compilers, caches and package lists',
        'included, over the new stage: the image is as big as the build stage and the multi-stage split buys',
        'nothing. Copy the directories the program needs instead (`COPY --from=build /out/app /usr/local/bin/`).',
        '',
        'Unlike hadolint, a stage that starts `FROM scratch` is not reported: it holds only the files it copied',
        'in, and `COPY --from=binaries / /` is the usual way to take all of them.',
      ].join('\n'),
      invalid: ['FROM golang:1.26 AS build\nRUN go build -o /out/app .\n\nFROM scratch\nCOPY --from=build / /\n'],
      valid: ['FROM golang:1.26 AS build\nRUN go build -o /out/app .\n\nFROM scratch\nCOPY --from=build /out/app /app\n'],
      fixNotes: 'No automatic fix: which files the program needs is not in the Dockerfile.',
    },
  },
  create(ctx) {
    return {
      COPY(instruction) {
        const from = instruction.flags.find((flag) => flag.name === 'from');
        if (!from?.value) return;
        // A stage built `FROM scratch` holds only what it copied in: copying all of it is the export pattern.
        const source = findStage(ctx.model.stages, from.value);
        if (source && baseImageOf(source).image.scratch) return;
        const operands = copyOperands(ctx.source, instruction);
        if (!operands || dropQuotes(operands.dest.value) !== '/') return;
        const root = operands.sources.find((source) => dropQuotes(source.value) === '/');
        if (!root) return;
        ctx.report({ node: root.range, message: 'copies the whole filesystem of another stage; copy only the paths needed' });
      },
    };
  },
});
