import { defineRule, type Stage } from '@dockfix/core';

/** True when the stage, or a stage it is built on (`FROM base`), sets a HEALTHCHECK (`NONE` included). */
function hasHealthcheck(stage: Stage | null, seen = new Set<Stage>()): boolean {
  if (!stage || seen.has(stage)) return false;
  seen.add(stage);
  return stage.instructions.some((instruction) => instruction.keyword === 'HEALTHCHECK') || hasHealthcheck(stage.parent, seen);
}

export default defineRule({
  meta: {
    id: 'missing-healthcheck',
    category: 'runtime',
    severity: 'info',
    description: 'Give the shipped image a `HEALTHCHECK`, so that Docker and orchestrators can tell a hung container',
    fix: 'none',
    optIn: true,
    sources: [{ tool: 'hadolint', rule: 'DL3057', kind: 'same' }],
    docs: {
      rationale: [
        'Without a `HEALTHCHECK` a container counts as healthy as long as its main process runs: an app that hangs',
        'or loses its database keeps receiving traffic, and `docker compose up --wait` or a Swarm rolling update',
        'cannot wait for it to be ready. Kubernetes ignores `HEALTHCHECK` (it has its own probes), which is why this',
        'rule is off by default, as hadolint\'s DL3057 is.',
        '',
        'The rule looks at the stage `docker build` ships (the last one): it is quiet when that stage, or a stage it is',
        'built on with `FROM <stage>`, has a `HEALTHCHECK` (`HEALTHCHECK NONE` included, which says so on purpose).',
        'A base image\'s own `HEALTHCHECK` cannot be seen from the Dockerfile, and a fragment without `FROM` is not',
        'reported. hadolint reports the same case.',
      ].join('\n'),
      invalid: ['FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n'],
      valid: [
        'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost/ || exit 1\n',
        'FROM node:22-slim AS base\nHEALTHCHECK NONE\n\nFROM base\nCMD ["node", "server.js"]\n',
      ],
    },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const final = ctx.model.stages.at(-1);
        if (!final?.from || hasHealthcheck(final)) return;
        ctx.report({ node: final.from.range, message: 'The shipped stage has no `HEALTHCHECK`' });
      },
    };
  },
});
