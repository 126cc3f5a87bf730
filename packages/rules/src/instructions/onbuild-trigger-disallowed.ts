import { defineRule } from '@dockfix/core';

/** Triggers the frontend refuses inside ONBUILD. */
const DISALLOWED = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule({
  meta: {
    id: 'onbuild-trigger-disallowed',
    category: 'instructions',
    severity: 'error',
    description: 'Do not use `ONBUILD`, `FROM` or `MAINTAINER` as an `ONBUILD` trigger',
    fix: 'none',
    sources: [{ tool: 'hadolint', rule: 'DL3043', kind: 'same' }],
    docs: {
      rationale: [
        '`ONBUILD` stores an instruction that runs when another Dockerfile builds `FROM` this image. The frontend',
        'does not allow `ONBUILD ONBUILD` (chaining), `ONBUILD FROM` or `ONBUILD MAINTAINER`: the child build fails',
        'with "… isn\'t allowed as an ONBUILD trigger", far from the Dockerfile that wrote it.',
      ].join('\n'),
      invalid: ['FROM node:22-slim\nONBUILD FROM debian:bookworm\n'],
      valid: ['FROM node:22-slim\nONBUILD COPY . /app\n'],
      fixNotes: 'No automatic fix: what the trigger was meant to do needs a person.',
    },
  },
  create(ctx) {
    return {
      ONBUILD(instruction) {
        const trigger = instruction.args[0];
        if (!trigger) return;
        const keyword = trigger.value.toUpperCase();
        if (!DISALLOWED.has(keyword)) return;
        ctx.report({ node: trigger.range, message: `\`${keyword}\` is not allowed as an ONBUILD trigger; the child build fails` });
      },
    };
  },
});
