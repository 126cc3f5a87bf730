import { defineRule, type Instruction, type Stage } from '@dockfix/core';
import { copyOperands, isAbsoluteOrVariable } from '../lib/instructions.js';
import { baseImageOf, stageChain } from '../lib/images.js';

export default defineRule({
  meta: {
    id: 'copy-relative-without-workdir',
    category: 'layers',
    severity: 'warning',
    description: 'Set `WORKDIR` before a `COPY` to a relative destination',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3045', kind: 'same' }],
    docs: {
      rationale: [
        'A relative COPY destination is resolved against the WORKDIR. When the stage (and the stages it builds',
        'on) never set one, that is the base image\'s choice: `/` for most, `/usr/src/app` or `/home/node` for',
        'others, and it can change with the next base image. Files then land where the later `RUN` and `CMD` do',
        'not look. The rule reports a COPY whose destination is relative (not `/…`, not `C:\\…`, not a variable)',
        'with no WORKDIR before it in the stage or its parent stages. Unlike hadolint, a stage built `FROM scratch`',
        'is not reported: there the working directory is always `/`.',
      ].join('\n'),
      invalid: ['FROM node:22-slim\nCOPY package.json .\n'],
      valid: ['FROM node:22-slim\nWORKDIR /app\nCOPY package.json .\n', 'FROM node:22-slim\nCOPY package.json /app/\n'],
      fixNotes: 'No automatic fix: which directory was meant (the base image\'s, or a new one) needs a person.',
    },
  },
  create(ctx) {
    const workdirSet = new Set<Stage>();
    return {
      WORKDIR(instruction: Instruction) {
        if (instruction.stage) workdirSet.add(instruction.stage);
      },
      COPY(instruction: Instruction) {
        const stage = instruction.stage;
        const operands = copyOperands(ctx.source, instruction);
        if (!stage || !operands || isAbsoluteOrVariable(operands.dest.value)) return;
        if (stageChain(stage).some((s) => workdirSet.has(s))) return;
        // `scratch` has no WORKDIR of its own, so the destination is relative to `/`, whatever the build.
        if (baseImageOf(stage).image.scratch) return;
        ctx.report({ node: operands.dest.range, message: `COPY to relative \`${operands.dest.value}\` with no WORKDIR set: the base image decides where it lands` });
      },
    };
  },
});
