import { defineRule, findStage, type Instruction } from '@dockfix/core';
import { stageReferences } from '../lib/multi-stage.js';

export default defineRule({
  meta: {
    id: 'copy-from-self',
    category: 'multi-stage',
    severity: 'error',
    description: 'Do not `COPY --from` the stage being built',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3023', kind: 'same' }],
    docs: {
      rationale: [
        '`COPY --from=<stage>` reads the finished filesystem of another stage. A stage cannot copy from itself:',
        'it is not finished while its own instructions run, and BuildKit rejects the file with "circular',
        'dependency detected on stage". To copy a file within the stage, use `RUN cp`; to copy from the',
        'image the stage starts from, name that image or an earlier stage.',
        '',
        'The rule reports `COPY --from`, `ADD --from` and `RUN --mount=…,from=` that name their own stage, by',
        'name (case-insensitively, as BuildKit compares stage names) or by index.',
      ].join('\n'),
      invalid: ['FROM golang:1.26 AS build\nCOPY --from=build /go/bin/app /app\n', 'FROM alpine:3.22\nCOPY --from=0 /etc/hosts /tmp/hosts\n'],
      valid: ['FROM golang:1.26 AS build\nRUN go build -o /out/app .\n\nFROM alpine:3.22\nCOPY --from=build /out/app /app\n'],
      fixNotes: 'No automatic fix: what was meant (another stage, an image, a path) needs a person.',
    },
  },
  create(ctx) {
    const check = (instruction: Instruction) => {
      const stage = instruction.stage;
      // In an ONBUILD trigger, `--from=` names a stage of the Dockerfile that builds on this image, not of this one.
      if (!stage || instruction.onbuild) return;
      for (const reference of stageReferences(instruction)) {
        if (reference.value.includes('$')) continue;
        if (findStage(ctx.model.stages, reference.value) !== stage) continue;
        ctx.report({
          node: reference.range,
          message: `\`--from=${reference.value}\` names the stage it is in (${stage.name ? `\`${stage.name}\`` : `stage ${ctx.model.stages.filter((s) => s.from && s.index < stage.index).length}`}), which is not finished yet; BuildKit rejects this as a circular dependency`,
        });
      }
    };
    return { COPY: check, ADD: check, RUN: check };
  },
});
