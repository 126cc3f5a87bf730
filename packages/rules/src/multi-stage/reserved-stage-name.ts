import { defineRule } from '@dockfix/core';

/** Names the frontend gives a meaning of its own: `FROM scratch`, `--from=context` (the build context in Bake and named contexts). */
const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  meta: {
    id: 'reserved-stage-name',
    category: 'multi-stage',
    severity: 'warning',
    description: 'Do not name a stage `scratch` or `context`',
    fix: 'none',
    sources: [
      { tool: 'hadolint', rule: 'DL3063', kind: 'same' },
      { tool: 'buildkit', rule: 'ReservedStageName', kind: 'same' },
    ],
    docs: {
      rationale: [
        '`scratch` is the empty image and `context` names the build context in `COPY --from=context` with',
        'named contexts. A stage called either shadows that meaning for later `FROM` and `--from` references,',
        'so they silently read the stage instead. BuildKit warns about it (ReservedStageName).',
      ].join('\n'),
      invalid: ['FROM alpine:3.22 AS scratch\nRUN echo hi\n'],
      valid: ['FROM alpine:3.22 AS base\nRUN echo hi\n'],
      fixNotes: 'No automatic fix: renaming the stage breaks `docker build --target` callers outside the file.',
    },
  },
  create(ctx) {
    return {
      FROM(instruction) {
        const { stageName, stageNameRange } = instruction.from;
        if (!stageName || !stageNameRange || !RESERVED.has(stageName)) return;
        ctx.report({ node: stageNameRange, message: `\`${stageName}\` is a reserved name; a stage named so shadows its meaning in \`FROM\` and \`--from\`` });
      },
    };
  },
});
