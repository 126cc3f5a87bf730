import { defineRule } from '@dockfix/core';
import { stageReferences } from '../lib/multi-stage.js';

type Options = { targets: readonly string[] };

export default defineRule<Options>({
  meta: {
    id: 'unused-stage',
    category: 'multi-stage',
    severity: 'info',
    description: 'Remove build stages that nothing uses: not the final stage, not copied from, not built on',
    fix: 'none',
    options: {
      targets: {
        type: 'string[]',
        description: 'Names of stages that are built on their own with `docker build --target <name>` (and the stages they use); they are never reported',
        default: ['dev', 'development', 'debug', 'test', 'tests', 'lint', 'validate', 'update', 'export', 'release', 'binaries', 'artifacts', 'ci'],
      },
    },
    docs: {
      rationale: [
        'A stage that the final stage neither builds on (`FROM <stage>`) nor copies from (`COPY --from`,',
        '`RUN --mount=from=`), directly or through other stages, does not contribute to the image. BuildKit',
        'skips it, so it is dead code that still has to be read and maintained; the classic builder builds it',
        'anyway and wastes the time. It is often left over from a refactoring, or a sign that a `COPY --from`',
        'names the wrong stage.',
        '',
        'Stages built on their own with `docker build --target <name>` are used from outside the file: list',
        'them in the `targets` option. Its default holds the names such stages conventionally have (`dev`,',
        '`test`, `lint`, `validate`, `update`, `release`, …, the targets of docker buildx bake files); set it to',
        '`[]` to check every stage. An unnamed stage cannot be a target and is always checked. The rule stays',
        'silent when a `FROM` or `--from` is only known at build time (`COPY --from=${BUILDER}`).',
      ].join('\n'),
      invalid: ['FROM golang:1.26 AS build\nRUN go build -o /out/app .\n\nFROM golang:1.26 AS old-build\nRUN make\n\nFROM alpine:3.22\nCOPY --from=build /out/app /app\n'],
      valid: [
        'FROM golang:1.26 AS build\nRUN go build -o /out/app .\n\nFROM alpine:3.22\nCOPY --from=build /out/app /app\n',
        'FROM node:24-slim AS base\nWORKDIR /app\n\nFROM base AS build\nRUN npm ci\n\nFROM base\nCOPY --from=build /app/node_modules ./node_modules\n',
      ],
      fixNotes: 'No automatic fix: the stage may be built with `--target` from a script or CI job dockfix cannot see.',
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const { stages } = ctx.model;
        if (stages.length < 2) return;
        const dynamic =
          // `FROM build-${VARIANT}`: another value picks another stage.
          stages.some((stage) => stage.from && (stage.from.from.image.unresolved || (stage.from.from.parentStage !== null && stage.from.from.image.raw.includes('$')))) ||
          ctx.model.instructions.some((instruction) => stageReferences(instruction).some((reference) => reference.value.includes('$')));
        if (dynamic) return;
        const targets = new Set(ctx.options.targets.map((target) => target.toLowerCase()));
        // A stage is used when the final stage (or a --target stage) reaches it through FROM and --from links.
        const used = new Set(stages.filter((stage) => stage.isFinal || (stage.name !== null && targets.has(stage.name))));
        const queue = [...used];
        while (queue.length > 0) {
          const stage = queue.pop();
          if (!stage) break;
          for (const dependency of [...(stage.parent ? [stage.parent] : []), ...stage.copiesFrom]) {
            if (!used.has(dependency)) {
              used.add(dependency);
              queue.push(dependency);
            }
          }
        }
        for (const stage of stages) {
          // The implicit stage of lines before the first FROM is instruction-before-from's report.
          if (used.has(stage) || !stage.from) continue;
          const name = stage.name ? `\`${stage.name}\`` : `${stage.index}`;
          const usedElsewhere = stage.usedBy.length > 0;
          ctx.report({
            node: stage.from.from.stageNameRange ?? stage.from.from.imageRange ?? stage.from.range,
            message: usedElsewhere
              ? `Stage ${name} only feeds stages the final image does not use, so building the image skips it; remove it, or add it to \`targets\` if it is built with \`--target\``
              : `Stage ${name} is not the final stage and no stage builds on it or copies from it, so building the image skips it; remove it, or add it to \`targets\` if it is built with \`--target\``,
          });
        }
      },
    };
  },
});
