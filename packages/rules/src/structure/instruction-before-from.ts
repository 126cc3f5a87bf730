import { defineRule } from '@dockfix/core';

export default defineRule({
  meta: {
    id: 'instruction-before-from',
    category: 'structure',
    severity: 'error',
    description: 'Begin the Dockerfile with FROM (only ARG and comments may come before it)',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3061', kind: 'same' }],
    docs: {
      rationale: [
        'Every build step runs in a build stage, and only `FROM` starts one: `docker build` rejects an',
        'instruction before the first `FROM` ("no build stage in current context") and a file with no `FROM`',
        'at all. `ARG` may come first, to parameterise the `FROM` lines. Such a file is often a fragment: a',
        'partial included by a template, or `ONBUILD` lines kept apart. dockfix still runs every other rule on',
        'it, so this one diagnostic says that the file will not build as it is, and the rest say what else to',
        'change. hadolint reports DL3061 on each misplaced instruction; dockfix reports the first one.',
      ].join('\n'),
      invalid: ['RUN apt-get update\nFROM debian:12\n', 'ARG VERSION=12\n'],
      valid: ['# syntax=docker/dockerfile:1\nARG VERSION=12\nFROM debian:${VERSION}\nLABEL org.opencontainers.image.title=app\n'],
      fixNotes: 'No fix: which base image the instructions need is not in the file.',
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const { stages, instructions } = ctx.model;
        const implicit = stages[0];
        if (implicit && !implicit.from) {
          const first = implicit.instructions[0];
          if (!first) return;
          const hasFrom = stages.length > 1;
          ctx.report({
            node: first.keywordRange,
            message: hasFrom
              ? `\`${first.keyword}\` before the first FROM: the Dockerfile must begin with FROM, ARG or a comment`
              : 'No FROM: the Dockerfile must begin with FROM, ARG or a comment (is this a fragment?)',
          });
        } else if (stages.length === 0 && instructions.length > 0) {
          const last = instructions.at(-1);
          if (last) ctx.report({ node: last.keywordRange, message: 'No FROM after the ARGs: the file starts no build stage' });
        }
      },
    };
  },
});
