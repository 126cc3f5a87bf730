import { defineRule } from '@dockfix/core';

export default defineRule({
  meta: {
    id: 'duplicate-stage-name',
    category: 'multi-stage',
    severity: 'error',
    description: 'Give every stage a unique name',
    fix: 'none',
    sources: [
      { tool: 'hadolint', rule: 'DL3024', kind: 'same' },
      { tool: 'buildkit', rule: 'DuplicateStageName', kind: 'same' },
    ],
    docs: {
      rationale: [
        'A stage name is what `COPY --from=`, `FROM <stage>` and `docker build --target` refer to. Two stages with',
        'the same name (compared case-insensitively, as BuildKit does) make those references ambiguous; BuildKit',
        'warns (DuplicateStageName) and resolves the name to one of them, which may not be the one meant.',
      ].join('\n'),
      invalid: ['FROM node:22 AS build\nRUN npm ci\n\nFROM golang:1.26 AS build\nRUN go build ./...\n'],
      valid: ['FROM node:22 AS web\nRUN npm ci\n\nFROM golang:1.26 AS api\nRUN go build ./...\n'],
      fixNotes: 'No automatic fix: which stage keeps the name, and which references follow the other, needs a person.',
    },
  },
  create(ctx) {
    const seen = new Map<string, number>();
    return {
      FROM(instruction) {
        const { stageName, stageNameRange } = instruction.from;
        if (!stageName || !stageNameRange) return;
        const earlier = seen.get(stageName);
        if (earlier === undefined) {
          seen.set(stageName, ctx.source.lineColumnAt(instruction.range.start).line);
          return;
        }
        ctx.report({ node: stageNameRange, message: `duplicate stage name \`${stageName}\`: the stage on line ${earlier} has it already` });
      },
    };
  },
});
