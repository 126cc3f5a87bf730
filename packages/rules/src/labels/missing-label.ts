import { defineRule, type Stage } from '@dockfix/core';
import { LABEL_SCHEMA_OPTION, labelPairs, type LabelSchemaOptions } from '../lib/labels.js';
import { isTrigger } from '../lib/stages.js';

export default defineRule<LabelSchemaOptions>({
  meta: {
    id: 'missing-label',
    category: 'labels',
    severity: 'info',
    description: 'Set every label the label schema requires on the images the file builds',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3049', kind: 'same' }],
    options: { labelSchema: LABEL_SCHEMA_OPTION },
    docs: {
      rationale: [
        'Organisations that publish images often require a set of labels on every one of them: the source',
        'repository, the revision, the license (OCI `org.opencontainers.image.*` annotations). Name them in the',
        '`labelSchema` option and the rule reports each stage that ends up without one; with no schema it does',
        'nothing.',
        '',
        'A stage has a label when it sets it or builds on a stage that has it (`FROM base`). As in hadolint, a',
        'stage is not reported when it is only an ingredient: another stage copies from it (`COPY --from`,',
        '`RUN --mount=from=`), or a stage built on it sets the label. The diagnostic points at the `FROM` and',
        'names the missing labels; hadolint reports each label separately. An `ONBUILD LABEL` does not count:',
        'it labels the images built from this one, not this one.',
      ].join('\n'),
      exampleOptions: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
      invalid: ['FROM alpine:3.22\nLABEL maintainer="ops@example.com"\n'],
      valid: [
        'FROM golang:1.26 AS build\nRUN go build -o /app .\n\nFROM alpine:3.22\nLABEL org.opencontainers.image.source="https://github.com/example/app"\nCOPY --from=build /app /app\n',
      ],
      fixNotes: 'No automatic fix: the value is not in the file.',
    },
  },
  create(ctx) {
    const required = Object.keys(ctx.options.labelSchema);
    if (required.length === 0) return {};
    const own = new Map<Stage, Set<string>>();
    return {
      LABEL(instruction) {
        // `ONBUILD LABEL` labels the images built from this one, not this one (hadolint does not count it either).
        if (!instruction.stage || isTrigger(instruction)) return;
        const set = own.get(instruction.stage) ?? new Set<string>();
        for (const pair of labelPairs(ctx.source, instruction)) set.add(pair.name);
        own.set(instruction.stage, set);
      },
      'Dockerfile:exit'() {
        const has = (stage: Stage | null, label: string): boolean => stage !== null && ((own.get(stage)?.has(label) ?? false) || has(stage.parent, label));
        for (const stage of ctx.model.stages) {
          // The implicit stage of a fragment (no FROM) is instruction-before-from's report.
          if (!stage.from) continue;
          const copiedFrom = ctx.model.stages.some((other) => other !== stage && other.copiesFrom.includes(stage));
          // A fragment's implicit stage has no FROM to hang the report on, and hadolint reports per FROM.
          if (copiedFrom || stage.from === null) continue;
          const children = ctx.model.stages.filter((other) => other.parent === stage);
          const missing = required.filter((label) => !has(stage, label) && !children.some((child) => own.get(child)?.has(label)));
          if (missing.length === 0) continue;
          const names = `\`${missing[0]}\`` + (missing.length > 1 ? ` and ${missing.length - 1} more` : '');
          const which = stage.name ? `stage \`${stage.name}\`` : 'this stage';
          ctx.report({ node: stage.from.range, message: `${which} lacks the required label${missing.length > 1 ? 's' : ''} ${names}` });
        }
      },
    };
  },
});
