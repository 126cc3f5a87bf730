import { defineRule } from '@dockfix/core';
import { stageReferences } from '../lib/multi-stage.js';

type Options = { targets: readonly string[] };

/** Names of the conventional targets with a qualifier: `test-unit`, `dev-tools`, `lint_go`, `app-debug`. */
const TARGET_LIKE = /^(dev|development|debug|test|tests|testing|lint|validate|release|ci|e2e)[-_]|[-_](dev|debug|test|tests|lint|release)$/;

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
        '`[]` to check every stage. Also never reported: names that qualify one of these (`test-unit`, `dev-tools`,',
        '`app-debug`), and named stages with their own `CMD` or `ENTRYPOINT`, which are images in their own',
        'right (a file with a `web` and a `worker` stage, or a `dev` image beside the production one, has several',
        'build targets). An unnamed stage cannot be a target and is always checked. The rule stays',
        'silent when a `FROM` or `--from` is only known at build time (`COPY --from=${BUILDER}`, or',
        '`FROM exit-${ARCH}`, which may name any stage called `exit-…`).',
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
          // `FROM exit-loong64-${BUILD_LOONG64}`: the literal part names a family of stages, whatever the default says.
          stages.some((stage) => {
            const raw = stage.from?.from.image.raw ?? '';
            const prefix = raw.split('$')[0]?.toLowerCase() ?? '';
            return raw.includes('$') && prefix.length > 0 && stages.some((other) => other.name?.startsWith(prefix));
          }) ||
          ctx.model.instructions.some((instruction) => stageReferences(instruction).some((reference) => reference.value.includes('$')));
        if (dynamic) return;
        const targets = new Set(ctx.options.targets.map((target) => target.toLowerCase()));
        // A stage is used when the final stage (or a --target stage) reaches it through FROM and --from links.
        // A named stage that runs something of its own (CMD or ENTRYPOINT) is an image in its own right:
        // with several such stages a file has several build targets (`--target dev`, `--target worker`).
        const ownImage = (stage: (typeof stages)[number]) => stage.name !== null && stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
        const used = new Set(stages.filter((stage) => stage.isFinal || (stage.name !== null && (targets.has(stage.name) || TARGET_LIKE.test(stage.name))) || ownImage(stage)));
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
            message: usedElsewhere ? `Stage ${name} only feeds stages the final image does not use` : `Stage ${name} is not used by the final image`,
            help: `Building the image skips it${usedElsewhere ? '' : ': it is not the final stage and no stage builds on it or copies from it'}. Remove it, or add it to \`targets\` if it is built with \`--target\`.`,
          });
        }
      },
    };
  },
});
