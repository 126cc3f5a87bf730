import { defineRule, editDistance, findStage, type Instruction } from '@dockfix/core';
import { IMAGES } from '../data/base-images.js';
import { stageReferences } from '../lib/multi-stage.js';

/** Image names that are commonly copied from directly (`COPY --from=busybox …`). */
const KNOWN_IMAGES = new Set([...IMAGES.map((image) => image.name), 'busybox', 'alpine', 'scratch', 'docker', 'hello-world']);

export default defineRule({
  meta: {
    id: 'copy-from-unknown-stage',
    category: 'multi-stage',
    severity: 'warning',
    description: '`COPY --from` should name a stage defined earlier in the file (or a tagged image)',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3022', kind: 'same' }],
    docs: {
      rationale: [
        '`COPY --from=<name>` takes files from the stage called `<name>`; when no stage has that name, Docker',
        'reads it as an image reference and pulls `docker.io/library/<name>:latest`. A typo in a stage name',
        '(`--from=biuld`) therefore does not fail as a typo: it fails with a confusing "pull access denied", or',
        'worse, copies from an unrelated public image of that name. Naming a stage that is only defined',
        'further down works with BuildKit but not with the classic builder, and reads backwards.',
        '',
        'The rule reports `--from` values (of COPY, ADD and `RUN --mount`) that are not an earlier stage\'s',
        'name or index, unless they look like an image reference (a tag, digest, registry or path:',
        '`nginx:1.27`, `ghcr.io/org/tool`). A bare name of a well-known image (`--from=nginx`) is reported as an',
        'unpinned image; other bare names get a "did you mean" for the closest stage name.',
      ].join('\n'),
      invalid: [
        'FROM golang:1.26 AS build\nRUN go build -o /out/app .\n\nFROM alpine:3.22\nCOPY --from=biuld /out/app /app\n',
        'FROM alpine:3.22\nCOPY --from=nginx /etc/nginx/nginx.conf /etc/nginx/\n',
      ],
      valid: [
        'FROM golang:1.26 AS build\nRUN go build -o /out/app .\n\nFROM alpine:3.22\nCOPY --from=build /out/app /app\n',
        'FROM alpine:3.22\nCOPY --from=nginx:1.27-alpine /etc/nginx/nginx.conf /etc/nginx/\n',
        'FROM alpine:3.22\nCOPY --from=ghcr.io/grpc-ecosystem/grpc-health-probe:v0.4.28 /ko-app/grpc-health-probe /bin/\n',
      ],
      fixNotes: 'No automatic fix: a "did you mean" is a guess.',
    },
  },
  create(ctx) {
    const check = (instruction: Instruction) => {
      const stage = instruction.stage;
      // In an ONBUILD trigger, `--from=` names a stage of the Dockerfile that builds on this image, not of this one.
      if (!stage || instruction.onbuild) return;
      for (const reference of stageReferences(instruction)) {
        const value = reference.value;
        if (value.includes('$') || /[:@/.]/.test(value)) continue;
        const target = findStage(ctx.model.stages, value);
        if (target === stage) continue;
        if (target && target.index < stage.index) continue;
        let message: string;
        let help: string | undefined;
        if (target) {
          message = `\`--from=${value}\` names a stage defined further down; move stage \`${value}\` above this one`;
          help = 'The classic builder rejects this, and the build reads backwards.';
        } else if (/^\d+$/.test(value)) {
          message = `\`--from=${value}\` is not the index of an earlier stage (this is stage ${ctx.model.stages.filter((s) => s.from && s.index < stage.index).length})`;
        } else if (KNOWN_IMAGES.has(value.toLowerCase())) {
          message = `\`--from=${value}\` copies from the image \`${value}:latest\`; pin a tag (\`${value}:<version>\`)`;
          help = `\`${value}\` is not a stage of this file, so Docker pulls the image, and \`:latest\` moves.`;
        } else {
          const names = ctx.model.stages.filter((s) => s.index < stage.index && s.name).map((s) => s.name as string);
          // Only names within 2 characters in length can be within edit distance 2: in a file with thousands
          // of stages, comparing every pair made the rule quadratic. The list is cut for the same reason.
          const lower = value.toLowerCase();
          const closest = names
            .filter((name) => Math.abs(name.length - lower.length) <= 2)
            .map((name) => ({ name, d: editDistance(lower, name) }))
            .sort((a, b) => a.d - b.d)[0];
          const listed = names.slice(0, 5).map((n) => `\`${n}\``).join(', ') + (names.length > 5 ? `, … (${names.length} in all)` : '');
          const hint = closest && closest.d <= 2 ? `; did you mean \`${closest.name}\`?` : '';
          message = `\`--from=${value}\` is not an earlier stage${hint}`;
          help = `Docker pulls an image called \`${value}\` instead.${names.length > 0 ? ` Earlier stages: ${listed}.` : ''}`;
        }
        ctx.report({ node: reference.range, message, ...(help ? { help } : {}) });
      }
    };
    return { COPY: check, ADD: check, RUN: check };
  },
});
