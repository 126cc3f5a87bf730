import { defineRule } from '@dockfix/core';
import { keyValues } from '../lib/properties.js';

export default defineRule({
  meta: {
    id: 'numeric-user',
    category: 'security',
    severity: 'info',
    description: 'Use a numeric user id in `USER`',
    fix: 'none',
    optIn: true,
    sources: [{ tool: 'hadolint', rule: 'DL3066', kind: 'same' }],
    docs: {
      rationale: [
        'A user name in `USER app` is resolved inside the image\'s `/etc/passwd`; tools outside it cannot. Kubernetes\'',
        '`runAsNonRoot` refuses to start a container whose user is a name ("cannot verify user is non-root"),',
        'and volume permissions on the host follow the number. `USER 10001` (or `10001:10001`) works everywhere.',
        'A USER written with a declared ARG (`USER ${APP_UID}`) is left alone. Unlike hadolint, `USER root` (uid 0',
        'in every image) and the users of Windows images (which have no numeric ids) are not reported.',
        '',
        'Off by default (hadolint has it on, at info level): `USER node` or `USER app` is the usual, readable way to',
        'drop root, and only matters where a cluster enforces `runAsNonRoot`; on the shared corpus the rule fires',
        'in 44 of 572 files. Turn it on with `--select DL3066` (or `extendSelect`) where that policy applies.',
      ].join('\n'),
      invalid: ['FROM node:22-slim\nUSER node\n'],
      valid: ['FROM node:22-slim\nUSER 1000:1000\n'],
      fixNotes: 'No automatic fix: the id of the user is in the base image, not the Dockerfile.',
    },
  },
  create(ctx) {
    const args = new Set<string>();
    const collect = (instruction: Parameters<typeof keyValues>[1]) => {
      for (const pair of keyValues(ctx.source, instruction)) args.add(pair.name);
    };
    return {
      ARG: collect,
      USER(instruction) {
        const arg = instruction.args[0];
        // Windows users have names, not numeric ids.
        if (!arg || instruction.stage?.windows) return;
        const uid = arg.value.split(':')[0] ?? '';
        // `root` is uid 0 in every image, so there is nothing to resolve.
        if (/^\d+$/.test(uid) || uid === 'root') return;
        if ([...args].some((name) => uid.includes(`\${${name}}`) || uid.includes(`$${name}`))) return;
        ctx.report({ node: arg.range, message: `user \`${uid}\` is a name; hosts and Kubernetes can only check a numeric id` });
      },
    };
  },
});
